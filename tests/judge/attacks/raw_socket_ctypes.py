# expect: ok
# result: "blocked"
import ctypes

libc = ctypes.CDLL(None, use_errno=True)
fd = libc.syscall(41, 2, 3, 6)  # socket(AF_INET, SOCK_RAW, IPPROTO_TCP), bypassing Python
fd2 = libc.syscall(41, 1, 1, 0)  # socket(AF_UNIX, SOCK_STREAM)
result = "blocked" if fd < 0 and fd2 < 0 else "LEAKED"
