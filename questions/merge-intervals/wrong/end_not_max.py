# expect: failed
# failing-check: values
# mistake: the merged end is overwritten with the new interval's end, so an interval contained in the group shrinks it; take max(last_end, end)
# mistake-zh: 合并时直接用新区间的终点覆盖，被包含的小区间会把组截短；应取 max(last_end, end)


def merge(intervals):
    merged = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = end  # should be max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged
