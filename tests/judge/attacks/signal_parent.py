# expect: ok
# result: ["blocked", "blocked", "blocked", "blocked"]
import os
import signal

result = []
for target in (os.getppid(), -1, 1, -os.getppid()):
    try:
        os.kill(target, signal.SIGKILL)
        result.append("LEAKED")
    except OSError:
        result.append("blocked")
