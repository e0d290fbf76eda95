# expect: failed
# failing-check: values
# mistake: duplicates are removed with set() before ranking, so this is the k-th largest distinct value; repeated values each take a rank
# mistake-zh: 先用 set() 去重再排名，得到的是第 k 大的不同值；重复的值应当各占一个名次


def find_kth_largest(nums, k):
    return sorted(set(nums), reverse=True)[k - 1]  # set() drops repeated values
