# expect: failed
# failing-check: values
# mistake: the range check nums[lo] < target < nums[mid] excludes the end point nums[lo], so a target equal to it is searched in the wrong half; use nums[lo] <= target < nums[mid]
# mistake-zh: 区间判断 nums[lo] < target < nums[mid] 把端点 nums[lo] 排除了，等于它的目标会被去错误的一半里找；应为 nums[lo] <= target < nums[mid]


def search(nums, target):
    lo, hi = 0, len(nums) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if nums[mid] == target:
            return mid
        if nums[lo] <= nums[mid]:
            if nums[lo] < target < nums[mid]:  # misses target == nums[lo]
                hi = mid - 1
            else:
                lo = mid + 1
        else:
            if nums[mid] < target < nums[hi]:  # misses target == nums[hi]
                lo = mid + 1
            else:
                hi = mid - 1
    return -1
