# expect: ok
# result: "blocked"
import socket

try:
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)  # no getaddrinfo: a raw IP literal
    s.settimeout(1)
    s.connect(("127.0.0.1", CONTEXT["tcp_port"]))
    s.sendall(b"hi")
    result = "LEAKED"
except OSError:
    result = "blocked"
