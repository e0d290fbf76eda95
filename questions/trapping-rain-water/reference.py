def trap(height: list[int]) -> int:
    left, right = 0, len(height) - 1
    left_max = right_max = 0  # highest bar seen so far from each side
    water = 0
    while left < right:
        if height[left] < height[right]:
            # a bar at least this high exists on the right, so left_max is the binding wall
            left_max = max(left_max, height[left])
            water += left_max - height[left]
            left += 1
        else:
            right_max = max(right_max, height[right])
            water += right_max - height[right]
            right -= 1
    return water
