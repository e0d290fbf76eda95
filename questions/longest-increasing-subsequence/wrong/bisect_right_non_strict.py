# expect: failed
# failing-check: values
# mistake: bisect_right lets an equal value extend the subsequence, which computes the longest non-decreasing subsequence; for strictly increasing use bisect_left
# mistake-zh: bisect_right 让相等的值也能接在后面，算出的是最长不下降子序列；严格递增应使用 bisect_left
from bisect import bisect_right


def length_of_lis(nums):
    tails = []
    for x in nums:
        k = bisect_right(tails, x)  # equal values are appended: non-strict
        if k == len(tails):
            tails.append(x)
        else:
            tails[k] = x
    return len(tails)
