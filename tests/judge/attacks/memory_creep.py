# expect: memory
chunks = []
while True:
    chunks.append(b"x" * (32 << 20))  # touched pages, 32 MB at a time
