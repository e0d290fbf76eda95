# expect: failed
# failing-check: values
# mistake: a repeated anchor is skipped by comparing with the next element (nums[i] == nums[i + 1]), which drops triplets that use the value twice, such as [-1, -1, 2]; compare with the previous element
# mistake-zh: 跳过重复的第一个数时和后一个元素比较（nums[i] == nums[i + 1]），会丢掉同一个值用两次的三元组，例如 [-1, -1, 2]；应和前一个元素比较


def three_sum(nums):
    nums = sorted(nums)
    n = len(nums)
    result = []
    for i in range(n - 2):
        if nums[i] == nums[i + 1]:
            continue  # should compare with nums[i - 1]
        lo, hi = i + 1, n - 1
        while lo < hi:
            total = nums[i] + nums[lo] + nums[hi]
            if total < 0:
                lo += 1
            elif total > 0:
                hi -= 1
            else:
                result.append([nums[i], nums[lo], nums[hi]])
                lo += 1
                hi -= 1
                while lo < hi and nums[lo] == nums[lo - 1]:
                    lo += 1
                while lo < hi and nums[hi] == nums[hi + 1]:
                    hi -= 1
    return result
