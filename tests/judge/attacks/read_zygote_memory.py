# expect: ok
# result: ["blocked", "blocked", "blocked"]
import os

result = []
for path in (f"/proc/{os.getppid()}/environ", f"/proc/{os.getppid()}/mem", "/proc/self/mounts"):
    try:
        open(path, "rb").read(16)
        result.append("LEAKED " + path)
    except OSError:
        result.append("blocked")
