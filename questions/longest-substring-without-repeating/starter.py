def length_of_longest_substring(s: str) -> int:
    """Length of the longest substring of s (contiguous) with all characters distinct; 0 for ''."""
    # TODO: sliding window with the last index of each character.
    raise NotImplementedError
