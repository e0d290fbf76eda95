# expect: crashed
# detail: exited without returning a result
import os

os._exit(0)
