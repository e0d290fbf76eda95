# expect: ok
# check: result == {"pid": 1, "ppid": 0, "proc": "denied", "server": "not visible"}
# In its own PID namespace the run is PID 1 and its parent is outside (ppid 0): the server, the
# zygote and other users' runs have no PID it could name, and /proc is not readable either.
import os

result = {"pid": os.getpid(), "ppid": os.getppid()}
try:
    result["proc"] = f"listed {len(os.listdir('/proc'))}"
except OSError:
    result["proc"] = "denied"
try:
    open(f"/proc/{CONTEXT['server_pid']}/status").close()
    result["server"] = "VISIBLE"
except OSError:
    result["server"] = "not visible"
