# expect: failed
# failing-check: values
# mistake: duplicate values are never skipped, so the same triplet is reported once per combination of equal values; skip a repeated anchor and, after a hit, repeated values at both pointers
# mistake-zh: 从不跳过重复值，同一个三元组会按相等值的不同组合重复输出；要跳过重复的第一个数，并在找到一组后跳过两个指针处的重复值


def three_sum(nums):
    nums = sorted(nums)
    n = len(nums)
    result = []
    for i in range(n - 2):
        lo, hi = i + 1, n - 1
        while lo < hi:
            total = nums[i] + nums[lo] + nums[hi]
            if total < 0:
                lo += 1
            elif total > 0:
                hi -= 1
            else:
                result.append([nums[i], nums[lo], nums[hi]])  # no duplicate skipping anywhere
                lo += 1
                hi -= 1
    return result
