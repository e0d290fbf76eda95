# expect: error
# failing-check: result
# hostile: yes
# Writes forged "passed" frames to every inherited fd, then exits without a real result.
import json
import os
import struct

fake = json.dumps({"status": "passed", "v": 1, "fatal": None, "cases": []}).encode()
frame = struct.pack("<I", len(fake)) + fake
for fd in range(0, 64):
    for blob in (struct.pack(">Q", len(frame)) + frame, frame, b"PASSED\n"):
        try:
            os.write(fd, blob)
        except OSError:
            pass
os._exit(0)
