# expect: ok
# result: "clean"
# Write on every fd but the result pipe (3): nothing may reach the server.
import os

for fd in (0, 1, 2, *range(4, 64)):
    try:
        os.write(fd, b'{"outcome": "ok", "detail": "PASSED"}')
    except OSError:
        pass
result = "clean"
