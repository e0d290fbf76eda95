def largest_rectangle_area(heights: list[int]) -> int:
    """Area of the largest rectangle inside a histogram of bars of width 1 (0 for [])."""
    # TODO: monotonic stack of indices with increasing heights.
    raise NotImplementedError
