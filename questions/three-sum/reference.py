def three_sum(nums: list[int]) -> list[list[int]]:
    nums = sorted(nums)
    n = len(nums)
    result: list[list[int]] = []
    for i in range(n - 2):
        if i > 0 and nums[i] == nums[i - 1]:
            continue  # same anchor value as before: same triplets again
        if nums[i] > 0:
            break  # the two larger numbers are positive too: no sum of 0 any more
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
                    lo += 1  # skip repeats of the middle value
                while lo < hi and nums[hi] == nums[hi + 1]:
                    hi -= 1  # skip repeats of the largest value
    return result
