# expect: failed
# failing-check: values
# mistake: the replace transition dp[i-1][j-1] + 1 is missing, so a substitution costs a delete plus an insert (2 instead of 1); take the min over replace, delete and insert
# mistake-zh: 漏掉了替换转移 dp[i-1][j-1] + 1，一次替换被算成删除加插入（2 而不是 1）；应在替换、删除、插入三者中取最小


def min_distance(word1, word2):
    m, n = len(word1), len(word2)
    dp = [[0] * (n + 1) for _ in range(m + 1)]
    for i in range(m + 1):
        dp[i][0] = i
    for j in range(n + 1):
        dp[0][j] = j
    for i in range(1, m + 1):
        for j in range(1, n + 1):
            if word1[i - 1] == word2[j - 1]:
                dp[i][j] = dp[i - 1][j - 1]
            else:
                dp[i][j] = 1 + min(dp[i - 1][j], dp[i][j - 1])  # no replace
    return dp[m][n]
