# expect: failed
# failing-check: values
# feedback-contains: causal-mask
import math

import torch


def scaled_dot_product_attention(q, k, v, mask=None):
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    if mask is not None:
        scores = scores.masked_fill(~mask, 0.0)  # exp(0) = 1: blocked keys still get weight
    return torch.softmax(scores, dim=-1) @ v
