# expect: ok
# result: "blocked"
# A network namespace does not cover filesystem UNIX sockets: seccomp has to.
import socket

try:
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(CONTEXT["unix_socket"])
    s.sendall(b"hi")
    result = "LEAKED"
except OSError:
    result = "blocked"
