# expect: ok
# result: "clean"
import os

leaked = [k for k in os.environ if "SECRET" in k or "TOKEN" in k]
result = "clean" if not leaked else f"LEAKED {leaked}"
