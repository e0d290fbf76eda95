# expect: ok
# check: result["found"] == [] and result["scanned_pages"] > 100
# Scan the heap inherited from the zygote for an earlier run's source (test_sandbox primes it):
# the zygote must wipe requests and results, or one user could copy another's solution.
import ctypes
import os

libc = ctypes.CDLL(None, use_errno=True)
libc.sbrk.restype = ctypes.c_void_p
marker = b"PREVIOUS-" + b"USER-SOLUTION-" + b"7f3a9c"
page = 4096
buf = ctypes.create_string_buffer(page)
buf_page = ctypes.addressof(buf) // page * page
r, w = os.pipe()
found, scanned = [], 0
addr = libc.sbrk(0) // page * page - page
while True:
    if buf_page - page <= addr <= buf_page + page:
        addr -= page
        continue
    if libc.write(w, ctypes.c_void_p(addr), page) != page:
        break  # below the heap start
    os.readv(r, [buf])
    scanned += 1
    if buf.raw.find(marker) >= 0:
        found.append(hex(addr))
    addr -= page
result = {"found": found[:5], "scanned_pages": scanned}
