# expect: failed
# failing-check: values
# mistake: returns dp[-1], the longest subsequence ending at the last element; the longest one can end anywhere, so return max(dp)
# mistake-zh: 返回了 dp[-1]，即以最后一个元素结尾的最长子序列；最长子序列可以在任何位置结束，应返回 max(dp)


def length_of_lis(nums):
    if not nums:
        return 0
    dp = [1] * len(nums)
    for i in range(len(nums)):
        for j in range(i):
            if nums[j] < nums[i]:
                dp[i] = max(dp[i], dp[j] + 1)
    return dp[-1]  # should be max(dp)
