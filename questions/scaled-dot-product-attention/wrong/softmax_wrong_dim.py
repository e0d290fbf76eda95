# expect: failed
# failing-check: values
# feedback-contains: no-mask
# mistake: the softmax is taken over dim=-2, the queries, so each key's column sums to 1; normalise over the keys, dim=-1, so that each query's attention weights sum to 1.
# mistake-zh: softmax 做在了 dim=-2（query 维）上，变成每个 key 的那一列和为 1；应在 key 维 dim=-1 上归一化，让每个 query 的注意力权重之和为 1。
import math

import torch


def scaled_dot_product_attention(q, k, v, mask=None):
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    return torch.softmax(scores, dim=-2) @ v  # normalises over queries, not keys
