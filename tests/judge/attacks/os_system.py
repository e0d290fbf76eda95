# expect: ok
# result: "blocked"
import os

status = os.system("echo pwned > " + CONTEXT["tmp_target"])
result = "blocked" if status != 0 else "LEAKED"
