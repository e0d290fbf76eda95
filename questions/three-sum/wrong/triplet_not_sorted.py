# expect: failed
# failing-check: values
# mistake: the triplets are deduplicated as sorted tuples but returned in the order the values were met, not sorted ascending; each triplet must be returned as [a, b, c] with a <= b <= c
# mistake-zh: 用排好序的元组去重，但返回的三元组是按遇到的顺序排列的，不是升序；每个三元组都要以 a <= b <= c 的 [a, b, c] 返回


def three_sum(nums):
    seen_triplets = set()
    result = []
    n = len(nums)
    for i in range(n):
        seen = set()
        for j in range(i + 1, n):
            need = -nums[i] - nums[j]
            if need in seen:
                key = tuple(sorted((nums[i], nums[j], need)))
                if key not in seen_triplets:
                    seen_triplets.add(key)
                    result.append([nums[i], nums[j], need])  # not sorted: should be list(key)
            seen.add(nums[j])
    return result
