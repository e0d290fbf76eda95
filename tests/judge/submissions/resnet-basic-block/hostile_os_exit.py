# expect: error
# failing-check: result
# hostile: yes
# Kills the process with status 0 before any result is written.
import os

print("PASSED", flush=True)
os._exit(0)
