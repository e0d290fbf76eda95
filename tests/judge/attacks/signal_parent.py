# expect: ok
# check: len(result) >= 5 and set(result) == {"blocked"}
# Kill the server, the zygotes, every process, or the server's process group.
import os
import signal

result = []
targets = [CONTEXT["server_pid"], *CONTEXT["zygote_pids"], -1, -CONTEXT["server_pid"], 0]
for target in targets:
    try:
        os.kill(target, signal.SIGKILL)
        result.append("LEAKED")
    except OSError:
        result.append("blocked")
