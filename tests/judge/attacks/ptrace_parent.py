# expect: ok
# result: "blocked"
import ctypes
import os

libc = ctypes.CDLL(None, use_errno=True)
PTRACE_ATTACH, PTRACE_SEIZE = 16, 0x4206
attach = libc.ptrace(PTRACE_ATTACH, os.getppid(), None, None)
seize = libc.ptrace(PTRACE_SEIZE, os.getppid(), None, None)
result = "blocked" if attach < 0 and seize < 0 else "LEAKED"
