# expect: failed
# failing-check: values
# mistake: the stack is not flushed after the loop, so bars still on it (an increasing run at the end) never form a rectangle; append a sentinel bar of height 0 or pop the rest with i = n
# mistake-zh: 循环结束后没有清空栈，留在栈里的柱子（末尾的递增段）从没算过面积；在末尾加一个高度为 0 的哨兵，或者用 i = n 把剩下的弹完


def largest_rectangle_area(heights):
    stack = [-1]
    best = 0
    for i, h in enumerate(heights):  # no sentinel 0 at the end
        while stack[-1] != -1 and heights[stack[-1]] >= h:
            height = heights[stack.pop()]
            width = i - stack[-1] - 1
            best = max(best, height * width)
        stack.append(i)
    return best
