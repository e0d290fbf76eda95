# expect: ok
# result: "blocked"
# Clearing PDEATHSIG would let the run outlive its keeper and the zygote.
import ctypes

libc = ctypes.CDLL(None, use_errno=True)
PR_SET_PDEATHSIG = 1
result = "blocked" if libc.prctl(PR_SET_PDEATHSIG, 0, 0, 0, 0) != 0 else "LEAKED"
