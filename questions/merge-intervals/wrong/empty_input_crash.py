# expect: failed
# failing-check: exception
# mistake: the result is seeded with the first interval, which raises IndexError on an empty list; start from an empty result (or return [] for empty input)
# mistake-zh: 直接用第一个区间初始化结果，空列表时抛 IndexError；应从空结果开始（或空输入直接返回 []）


def merge(intervals):
    intervals = sorted(intervals)
    merged = [list(intervals[0])]  # IndexError when intervals == []
    for start, end in intervals[1:]:
        if start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged
