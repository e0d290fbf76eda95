# expect: ok
# result: "blocked"
# inotify on the data dir would reveal when other users submit or record.
import ctypes

libc = ctypes.CDLL(None, use_errno=True)
fd = libc.inotify_init1(0)
if fd < 0:
    result = "blocked"
else:
    watch = libc.inotify_add_watch(fd, CONTEXT["data_dir"].encode(), 0xFFF)
    result = "LEAKED" if watch >= 0 else "blocked"
