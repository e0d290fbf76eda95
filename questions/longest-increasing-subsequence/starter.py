def length_of_lis(nums: list[int]) -> int:
    """Length of the longest strictly increasing subsequence of nums (0 for [])."""
    # TODO: O(n^2) dp, or O(n log n) with tails + binary search.
    raise NotImplementedError
