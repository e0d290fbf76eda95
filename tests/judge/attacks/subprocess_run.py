# expect: ok
# result: "blocked"
try:
    import subprocess

    subprocess.run(["/bin/sh", "-c", "echo pwned > " + CONTEXT["tmp_target"]], check=True)
    result = "LEAKED"
except Exception:  # ImportError, PermissionError, OSError: all mean blocked
    result = "blocked"
