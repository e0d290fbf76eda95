def search(nums: list[int], target: int) -> int:
    """Index of target in a rotated increasing list of distinct ints, or -1; O(log n)."""
    # TODO: binary search; at each step one half [lo, mid] or [mid, hi] is sorted.
    raise NotImplementedError
