from bisect import bisect_left


def length_of_lis(nums: list[int]) -> int:
    tails: list[int] = []  # tails[k]: smallest tail of an increasing subsequence of length k + 1
    for x in nums:
        k = bisect_left(tails, x)  # first tail >= x; strict increase needs the lower bound
        if k == len(tails):
            tails.append(x)  # x extends the longest subsequence found so far
        else:
            tails[k] = x  # x is a smaller tail for length k + 1
    return len(tails)
