# expect: ok
# result: "blocked"
import os

try:
    pid = os.fork()
    if pid == 0:
        os._exit(0)
    result = "LEAKED"
except OSError:
    result = "blocked"
