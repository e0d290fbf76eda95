# expect: failed
# failing-check: values
# mistake: takes element 0 of heapq.nlargest(k, nums), which is the maximum; the k-th largest is the last of the k largest, nlargest(k, nums)[-1] (or the top of a size-k min-heap)
# mistake-zh: 取了 heapq.nlargest(k, nums) 的第 0 个元素，那是最大值；第 k 大是这 k 个最大值里的最后一个，即 nlargest(k, nums)[-1]（或大小为 k 的小根堆堆顶）
import heapq


def find_kth_largest(nums, k):
    return heapq.nlargest(k, nums)[0]  # the largest, not the k-th largest
