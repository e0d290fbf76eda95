# expect: ok
# check: 0 < result <= 64
# Many files under the per-file limit: the work dir's tmpfs size stops it (result is in MiB).
chunk = b"x" * (1 << 19)
result = 0
try:
    for index in range(100_000):
        with open(f"fill-{index}.bin", "wb") as f:
            f.write(chunk)
            f.write(chunk)
        result += 1
except OSError:
    pass
