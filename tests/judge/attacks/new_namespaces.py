# expect: ok
# result: "blocked"
import ctypes

libc = ctypes.CDLL(None, use_errno=True)
CLONE_NEWUSER, CLONE_NEWNET = 0x10000000, 0x40000000
result = "blocked" if libc.unshare(CLONE_NEWUSER | CLONE_NEWNET) < 0 else "LEAKED"
