# expect: failed
# failing-check: values
# mistake: each bar's rectangle is only extended to the right, so a rectangle whose lowest bar is not its leftmost bar is missed; extend to both sides (previous and next lower bar)
# mistake-zh: 每根柱子的矩形只向右扩展，最矮柱子不在最左边的矩形就漏掉了；应向两边扩展（到左右两侧第一个更矮的柱子）


def largest_rectangle_area(heights):
    best = 0
    n = len(heights)
    for i in range(n):
        j = i
        while j + 1 < n and heights[j + 1] >= heights[i]:  # never looks left
            j += 1
        best = max(best, heights[i] * (j - i + 1))
    return best
