# expect: failed
# failing-check: values
# mistake: the intervals are swept in input order; sort them by start first, otherwise an interval can belong to a group that was already closed
# mistake-zh: 按输入顺序扫描区间；应当先按起点排序，否则一个区间可能属于一个已经结束的组


def merge(intervals):
    merged = []
    for start, end in intervals:  # forgot to sort by start
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged
