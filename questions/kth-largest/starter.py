def find_kth_largest(nums: list[int], k: int) -> int:
    """Return the k-th largest element of nums (1 <= k <= len(nums)); duplicates count."""
    # TODO: a size-k min-heap, or quickselect.
    raise NotImplementedError
