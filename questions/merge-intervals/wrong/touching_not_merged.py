# expect: failed
# failing-check: values
# mistake: the overlap test is start < last_end, so touching intervals such as [1, 2] and [2, 3] stay apart; closed intervals merge when start <= last_end
# mistake-zh: 重叠判断写成了 start < last_end，相接的区间如 [1, 2] 和 [2, 3] 没有合并；闭区间应当在 start <= last_end 时合并


def merge(intervals):
    merged = []
    for start, end in sorted(intervals):
        if merged and start < merged[-1][1]:  # '<' misses intervals that only touch
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged
