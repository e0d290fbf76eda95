# expect: failed
# failing-check: values
# mistake: returns the k-th smallest element (ascending sort, index k - 1); the k-th largest is at index k - 1 of the descending order, i.e. sorted(nums)[-k]
# mistake-zh: 返回的是第 k 小（升序排序后取下标 k - 1）；第 k 大是降序的下标 k - 1，即 sorted(nums)[-k]


def find_kth_largest(nums, k):
    return sorted(nums)[k - 1]  # k-th smallest, not k-th largest
