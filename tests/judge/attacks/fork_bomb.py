# expect: ok
# result: 0
import os

result = 0
for _ in range(1000):
    try:
        if os.fork() == 0:
            while True:
                pass
        result += 1
    except OSError:
        pass
