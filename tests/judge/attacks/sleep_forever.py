# expect: timeout
# detail: wall clock
import time

time.sleep(10**6)
