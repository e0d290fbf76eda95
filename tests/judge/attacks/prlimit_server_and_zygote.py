# expect: ok
# result: ["blocked", "blocked", "own ok"]
# Without a uid drop (a laptop) the run shares the server's uid: RLIMIT_CPU=1 on the server would
# kill it, RLIMIT_NOFILE=63 on the zygote would break every later run. Its own limits are fine.
import resource

result = []
for pid, which, value in ((CONTEXT["server_pid"], resource.RLIMIT_CPU, 1),
                          (CONTEXT["zygote_pids"][0], resource.RLIMIT_NOFILE, 63)):
    try:
        resource.prlimit(pid, which, (value, value))
        result.append("LEAKED")
    except OSError:
        result.append("blocked")
resource.setrlimit(resource.RLIMIT_NOFILE, (32, 32))
result.append("own ok")
