# expect: failed
# failing-check: values
# mistake: the width is measured from the popped bar's own index (i - popped), but the rectangle also extends left over the taller bars popped before it; measure from the new stack top: i - stack[-1] - 1
# mistake-zh: 宽度从被弹出柱子自己的下标算起（i - popped），但矩形还会向左延伸到之前弹出的更高柱子上；应以新的栈顶为左边界：i - stack[-1] - 1


def largest_rectangle_area(heights):
    hs = list(heights) + [0]
    stack = []
    best = 0
    for i, h in enumerate(hs):
        while stack and hs[stack[-1]] >= h:
            popped = stack.pop()
            width = i - popped  # ignores the bars left of popped that are at least as tall
            best = max(best, hs[popped] * width)
        stack.append(i)
    return best
