# expect: failed
# failing-check: values
# mistake: the two-pointer loop stops at the first pair found for each anchor; one anchor can belong to several triplets, so move both pointers and keep searching
# mistake-zh: 每个固定的数找到第一对就停止了；同一个数可以出现在多个三元组里，应当移动两个指针继续找


def three_sum(nums):
    nums = sorted(nums)
    n = len(nums)
    result = []
    for i in range(n - 2):
        if i > 0 and nums[i] == nums[i - 1]:
            continue
        lo, hi = i + 1, n - 1
        while lo < hi:
            total = nums[i] + nums[lo] + nums[hi]
            if total < 0:
                lo += 1
            elif total > 0:
                hi -= 1
            else:
                result.append([nums[i], nums[lo], nums[hi]])
                break  # misses the other pairs for this anchor
    return result
