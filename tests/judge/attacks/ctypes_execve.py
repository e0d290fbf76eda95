# expect: ok
# result: "blocked"
import ctypes

libc = ctypes.CDLL(None, use_errno=True)
argv = (ctypes.c_char_p * 3)(b"/bin/sh", b"-c", None)
libc.execve(b"/bin/sh", argv, None)  # returns only on failure
libc.syscall(59, b"/bin/true", argv, None)  # the raw execve syscall
result = "blocked"
