def min_distance(word1: str, word2: str) -> int:
    """Levenshtein distance: minimum inserts, deletes and replaces turning word1 into word2."""
    # TODO: dp[i][j] = distance between word1[:i] and word2[:j].
    raise NotImplementedError
