# expect: ok
# check: 0 < result < 64
import threading
import time

result = 0
for _ in range(2000):
    try:
        threading.Thread(target=time.sleep, args=(30,), daemon=True).start()
        result += 1
    except RuntimeError:  # "can't start new thread": RLIMIT_NPROC / pids cgroup
        break
