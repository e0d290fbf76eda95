# expect: timeout
# RLIMIT_CPU usually fires first; on a loaded machine the wall clock may: both are a timeout.
while True:
    pass
