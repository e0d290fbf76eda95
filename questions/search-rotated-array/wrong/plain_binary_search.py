# expect: failed
# failing-check: values
# mistake: an ordinary binary search that ignores the rotation goes to the wrong half whenever the target is on the other side of the pivot; first decide which half is sorted
# mistake-zh: 普通二分忽略了旋转，目标在旋转点另一侧时会走错方向；每一步要先判断哪一半是有序的


def search(nums, target):
    lo, hi = 0, len(nums) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if nums[mid] == target:
            return mid
        if nums[mid] < target:  # assumes the whole array is sorted
            lo = mid + 1
        else:
            hi = mid - 1
    return -1
