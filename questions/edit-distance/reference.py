def min_distance(word1: str, word2: str) -> int:
    m, n = len(word1), len(word2)
    prev = list(range(n + 1))  # row 0: "" -> word2[:j] takes j insertions
    for i in range(1, m + 1):
        cur = [i] + [0] * n  # column 0: word1[:i] -> "" takes i deletions
        for j in range(1, n + 1):
            if word1[i - 1] == word2[j - 1]:
                cur[j] = prev[j - 1]  # last characters match: no edit
            else:
                cur[j] = 1 + min(
                    prev[j - 1],  # replace word1[i-1] by word2[j-1]
                    prev[j],  # delete word1[i-1]
                    cur[j - 1],  # insert word2[j-1]
                )
        prev = cur
    return prev[n]
