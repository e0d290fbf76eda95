# expect: timeout
# detail: CPU-time
while True:
    pass
