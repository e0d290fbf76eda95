# expect: memory
# Shared anonymous memory is not "data": RLIMIT_DATA misses it; RLIMIT_AS and the memory
# cgroup do not.
import mmap

shared = mmap.mmap(-1, 4 << 30)  # MAP_SHARED | MAP_ANONYMOUS
for offset in range(0, len(shared), 4096):
    shared[offset] = 1
