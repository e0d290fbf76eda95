# expect: ok
# check: result["leaked"] == [] and result["library_readable"]
# The child keeps read-only fds of the Python library dirs (lazy imports work after the uid
# drop). Walking up from them with ".." must not reach the app's source, the bank or /etc.
import os

leaked, library_readable = [], False
for fd in range(10, 16):
    base = f"/proc/self/fd/{fd}"
    if not os.path.isdir(base):
        continue
    library_readable = library_readable or bool(os.listdir(base))
    for up in range(1, 9):
        parent = base + "/.." * up
        for target in ("app/main.py", "questions", "etc/passwd", "main/app/main.py",
                       "data"):
            try:
                with open(f"{parent}/{target}") as handle:
                    leaked.append(f"{parent}/{target}: {handle.read(20)!r}")
            except OSError:
                pass
        try:
            leaked += [f"{parent}: {os.listdir(parent)[:3]}"]
        except OSError:
            pass
result = {"leaked": leaked, "library_readable": library_readable}
