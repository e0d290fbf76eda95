# expect: ok
# result: "blocked"
import ctypes

libc = ctypes.CDLL(None, use_errno=True)
params = ctypes.create_string_buffer(120)
result = "blocked" if libc.syscall(425, 8, params) < 0 else "LEAKED"  # io_uring_setup
