def length_of_longest_substring(s: str) -> int:
    last: dict[str, int] = {}  # character -> index of its latest occurrence
    left = best = 0  # the window s[left:right + 1] has no repeated character
    for right, ch in enumerate(s):
        if ch in last and last[ch] >= left:  # repeated inside the window
            left = last[ch] + 1
        last[ch] = right
        best = max(best, right - left + 1)
    return best
