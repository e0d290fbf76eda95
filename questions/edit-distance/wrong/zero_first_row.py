# expect: failed
# failing-check: values
# mistake: the first row dp[0][j] is left at 0, as if an empty prefix could become word2[:j] for free; it needs j insertions, so dp[0][j] = j
# mistake-zh: 第一行 dp[0][j] 保持为 0，好像空前缀可以免费变成 word2[:j]；其实需要 j 次插入，应为 dp[0][j] = j


def min_distance(word1, word2):
    m, n = len(word1), len(word2)
    dp = [[0] * (n + 1) for _ in range(m + 1)]
    for i in range(m + 1):
        dp[i][0] = i  # the first column is set, but the first row is left at 0
    for i in range(1, m + 1):
        for j in range(1, n + 1):
            if word1[i - 1] == word2[j - 1]:
                dp[i][j] = dp[i - 1][j - 1]
            else:
                dp[i][j] = 1 + min(dp[i - 1][j - 1], dp[i - 1][j], dp[i][j - 1])
    return dp[m][n]
