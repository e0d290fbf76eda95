def trap(height: list[int]) -> int:
    """Total water trapped between bars of the given non-negative heights (width 1 each)."""
    # TODO: water[i] = min(max left of i, max right of i) - height[i]; two pointers give O(1) space.
    raise NotImplementedError
