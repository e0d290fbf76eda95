# expect: failed
# failing-check: values
# mistake: the two-pointer loop advances the taller side; the lower side must move, because only its max is guaranteed to be the binding wall
# mistake-zh: 双指针移动了较高一侧的指针；应移动较矮一侧，因为只有较矮一侧的最大值才一定是瓶颈


def trap(height):
    left, right = 0, len(height) - 1
    left_max = right_max = 0
    water = 0
    while left < right:
        if height[left] > height[right]:  # comparison reversed: moves the taller side
            left_max = max(left_max, height[left])
            water += left_max - height[left]
            left += 1
        else:
            right_max = max(right_max, height[right])
            water += right_max - height[right]
            right -= 1
    return water
