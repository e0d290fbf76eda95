# expect: failed
# failing-check: values
# mistake: computes the longest increasing contiguous run (a subarray); a subsequence may skip elements, so compare against all earlier elements, not just the previous one
# mistake-zh: 算的是最长连续递增段（子数组）；子序列可以跳过元素，应与前面所有元素比较，而不只是前一个


def length_of_lis(nums):
    best = run = 0
    for i, x in enumerate(nums):
        run = run + 1 if i > 0 and nums[i - 1] < x else 1
        best = max(best, run)
    return best
