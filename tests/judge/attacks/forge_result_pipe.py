# expect: crashed
# detail: malformed
import os

os.write(3, b"\x00\x00\x00\x00\x00\x00\x01\x00PASSED")  # claims 256 bytes, sends 6
os._exit(0)
