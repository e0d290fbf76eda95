# expect: failed
# failing-check: values
# feedback-contains: causal-mask
# mistake: blocked scores are set to 0 instead of -inf, and exp(0) = 1 still gives the blocked keys weight; fill them with float('-inf') so that they get probability exactly 0 after the softmax.
# mistake-zh: 被屏蔽的分数填成了 0 而不是 -inf，exp(0) = 1，被屏蔽的 key 仍然有权重；应填 float('-inf')，让它们在 softmax 之后的概率恰好为 0。
import math

import torch


def scaled_dot_product_attention(q, k, v, mask=None):
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    if mask is not None:
        scores = scores.masked_fill(~mask, 0.0)  # exp(0) = 1: blocked keys still get weight
    return torch.softmax(scores, dim=-1) @ v
