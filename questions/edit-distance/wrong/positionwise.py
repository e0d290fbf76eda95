# expect: failed
# failing-check: values
# mistake: characters are compared position by position plus the length difference, which ignores that an insertion or deletion shifts everything after it; use the dp over prefixes
# mistake-zh: 按位置逐个比较字符再加上长度差，忽略了一次插入或删除会让后面的字符整体错位；应使用基于前缀的动态规划


def min_distance(word1, word2):
    common = min(len(word1), len(word2))
    mismatches = sum(1 for k in range(common) if word1[k] != word2[k])
    return mismatches + abs(len(word1) - len(word2))
