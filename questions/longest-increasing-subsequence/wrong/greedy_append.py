# expect: failed
# failing-check: values
# mistake: greedily appends every value larger than the last one taken, which never reconsiders an early large value (10, then 101); keep the smallest tail for every length (dp or patience method)
# mistake-zh: 贪心地只要比上一个选中的值大就加入，前面选了较大的值（10，再到 101）之后就无法反悔；应为每个长度保留最小的结尾（动态规划或耐心排序法）


def length_of_lis(nums):
    length = 0
    last = None
    for x in nums:
        if last is None or x > last:  # commits to the first element forever
            length += 1
            last = x
    return length
