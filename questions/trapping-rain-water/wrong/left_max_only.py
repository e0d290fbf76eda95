# expect: failed
# failing-check: values
# mistake: the water level is taken from the highest bar on the left only; water also needs a wall on the right, so use min(left max, right max) - height
# mistake-zh: 只用左侧最高柱子作为水面高度；右侧也必须有墙挡住，应当用 min(左侧最高, 右侧最高) - 高度


def trap(height):
    water = 0
    left_max = 0
    for h in height:
        left_max = max(left_max, h)
        water += left_max - h  # water can run off to the right
    return water
