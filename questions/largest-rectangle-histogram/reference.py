def largest_rectangle_area(heights: list[int]) -> int:
    hs = list(heights) + [0]  # a sentinel bar of height 0 flushes the stack at the end
    stack = [-1]  # indices with increasing heights; -1 is the left boundary of everything
    best = 0
    for i, h in enumerate(hs):
        while stack[-1] != -1 and hs[stack[-1]] >= h:
            height = hs[stack.pop()]
            width = i - stack[-1] - 1  # from the previous lower bar (exclusive) to i (exclusive)
            best = max(best, height * width)
        stack.append(i)
    return best
