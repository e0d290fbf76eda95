# expect: failed
# failing-check: values
# mistake: the loop runs while lo < hi, so the last remaining element is never compared; with closed bounds [lo, hi] loop while lo <= hi
# mistake-zh: 循环条件写成 lo < hi，最后剩下的那个元素从没被比较；闭区间 [lo, hi] 的循环条件应是 lo <= hi


def search(nums, target):
    lo, hi = 0, len(nums) - 1
    while lo < hi:  # a one-element range [lo, lo] is skipped
        mid = (lo + hi) // 2
        if nums[mid] == target:
            return mid
        if nums[lo] <= nums[mid]:
            if nums[lo] <= target < nums[mid]:
                hi = mid - 1
            else:
                lo = mid + 1
        else:
            if nums[mid] < target <= nums[hi]:
                lo = mid + 1
            else:
                hi = mid - 1
    return -1
