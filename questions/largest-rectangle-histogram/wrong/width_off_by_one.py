# expect: failed
# failing-check: values
# mistake: the width is i - stack[-1], one too wide: the bar at stack[-1] is lower and is not part of the rectangle; the width is i - stack[-1] - 1
# mistake-zh: 宽度写成了 i - stack[-1]，多算了 1：stack[-1] 处的柱子更矮，不属于这个矩形；宽度应为 i - stack[-1] - 1


def largest_rectangle_area(heights):
    hs = list(heights) + [0]
    stack = [-1]
    best = 0
    for i, h in enumerate(hs):
        while stack[-1] != -1 and hs[stack[-1]] >= h:
            height = hs[stack.pop()]
            width = i - stack[-1]  # counts the lower bar at stack[-1] too
            best = max(best, height * width)
        stack.append(i)
    return best
