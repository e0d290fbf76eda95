# expect: failed
# failing-check: values
# mistake: only the anchor's repeats are skipped; after a hit the pointers can land on equal values and report the same triplet again. Skip repeats at lo and hi too
# mistake-zh: 只跳过了第一个数的重复值；找到一组后指针可能落在相同的值上，再次输出同一个三元组。lo 和 hi 处的重复值也要跳过


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
                lo += 1  # no skipping of equal values at lo / hi
                hi -= 1
    return result
