# expect: failed
# failing-check: values
# mistake: the sorted-left-half test is nums[lo] < nums[mid]; when lo == mid (two elements left) it wrongly takes the right half as sorted. Use nums[lo] <= nums[mid]
# mistake-zh: 判断左半有序用了 nums[lo] < nums[mid]；lo == mid（只剩两个元素）时会误判为右半有序。应使用 nums[lo] <= nums[mid]


def search(nums, target):
    lo, hi = 0, len(nums) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if nums[mid] == target:
            return mid
        if nums[lo] < nums[mid]:  # should be '<=': fails when lo == mid
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
