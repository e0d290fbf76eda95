# expect: ok
# result: "blocked"
# The secret is world-readable: only Landlock stands between it and the user.
try:
    result = "LEAKED " + open(CONTEXT["secret_file"]).read()
except OSError:
    result = "blocked"
