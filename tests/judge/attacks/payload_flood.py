# expect: output_limit
# detail: returned more than
result = b"x" * (CONTEXT["payload_cap"] + 1)
