# expect: failed
# failing-check: values
# mistake: the match case is missing, so every cell pays 1 + min(...) even when word1[i-1] == word2[j-1]; when the characters match, dp[i][j] = dp[i-1][j-1] at no cost
# mistake-zh: 漏了字符相同的情况，每个格子都是 1 + min(...)，即使 word1[i-1] == word2[j-1]；字符相同时应 dp[i][j] = dp[i-1][j-1]，不花代价


def min_distance(word1, word2):
    m, n = len(word1), len(word2)
    dp = [[0] * (n + 1) for _ in range(m + 1)]
    for i in range(m + 1):
        dp[i][0] = i
    for j in range(n + 1):
        dp[0][j] = j
    for i in range(1, m + 1):
        for j in range(1, n + 1):
            dp[i][j] = 1 + min(dp[i - 1][j - 1], dp[i - 1][j], dp[i][j - 1])  # a match is free
    return dp[m][n]
