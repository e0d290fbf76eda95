# expect: failed
# failing-check: values
# mistake: the side maxima exclude bar i itself and the result is not clamped, so a bar taller than both sides adds negative water; include bar i in both maxima (or add max(0, level - height))
# mistake-zh: 两侧最大值没有包含第 i 根柱子自己，结果也没有截断到 0，比两侧都高的柱子会贡献负的水量；两侧最大值都要包含第 i 根（或加 max(0, 水面 - 高度)）


def trap(height):
    n = len(height)
    water = 0
    for i in range(n):
        left = max(height[:i], default=0)  # bars strictly left of i
        right = max(height[i + 1:], default=0)  # bars strictly right of i
        water += min(left, right) - height[i]  # negative at peaks
    return water
