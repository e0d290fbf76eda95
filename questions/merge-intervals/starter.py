def merge(intervals: list[list[int]]) -> list[list[int]]:
    """Merge overlapping (or touching) closed intervals.

    intervals: list of [start, end] ints with start <= end, unsorted, possibly empty.
    Returns the merged intervals as [start, end] lists, sorted by start.
    """
    # TODO: sort by start, then sweep once and extend the last merged interval.
    raise NotImplementedError
