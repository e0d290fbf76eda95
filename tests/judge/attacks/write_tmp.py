# expect: ok
# result: ["scratch ok", "blocked"]
result = []
with open("scratch.txt", "w") as f:  # the private work dir stays writable
    f.write("fine")
result.append("scratch ok")
try:
    with open(CONTEXT["tmp_target"], "w") as f:
        f.write("pwned")
    result.append("LEAKED")
except OSError:
    result.append("blocked")
