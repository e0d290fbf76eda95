# expect: ok
# result: "blocked"
try:
    result = "LEAKED " + open(CONTEXT["app_source"]).read()[:20]
except OSError:
    result = "blocked"
