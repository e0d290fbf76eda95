def merge(intervals: list[list[int]]) -> list[list[int]]:
    merged: list[list[int]] = []
    for start, end in sorted(intervals):  # sort by start (then by end)
        if merged and start <= merged[-1][1]:  # overlaps or touches the last group
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged
