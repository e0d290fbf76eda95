def three_sum(nums: list[int]) -> list[list[int]]:
    """All unique triplets [a, b, c] (a <= b <= c) of values at distinct positions with a + b + c == 0.

    The order of the triplets in the returned list does not matter.
    """
    # TODO: sort, fix the first number, two pointers for the other two, skip duplicates.
    raise NotImplementedError
