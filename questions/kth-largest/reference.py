import heapq


def find_kth_largest(nums: list[int], k: int) -> int:
    heap: list[int] = []  # min-heap holding the k largest values seen so far
    for x in nums:
        if len(heap) < k:
            heapq.heappush(heap, x)
        elif x > heap[0]:
            heapq.heapreplace(heap, x)  # drop the smallest of the k, add x
    return heap[0]  # the smallest of the k largest = the k-th largest
