# expect: failed
# failing-check: values
# mistake: the level is the max of the left and right maxima; water spills over the lower wall, so the level is their min
# mistake-zh: 水面取了左右最高柱子中较高的那个；水会从较矮的一侧溢出，水面应取两者的最小值


def trap(height):
    n = len(height)
    left_max = [0] * n
    right_max = [0] * n
    for i in range(n):
        left_max[i] = max(left_max[i - 1] if i else 0, height[i])
    for i in range(n - 1, -1, -1):
        right_max[i] = max(right_max[i + 1] if i < n - 1 else 0, height[i])
    return sum(max(left_max[i], right_max[i]) - height[i] for i in range(n))  # should be min
