# expect: output_limit
# detail: printed more than
line = "x" * (1 << 20)
for _ in range(200):  # 200 MB
    print(line)
