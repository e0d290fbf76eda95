# expect: ok
# result: "blocked"
try:
    open("/etc/passwd").read()
    result = "LEAKED"
except OSError:
    result = "blocked"
