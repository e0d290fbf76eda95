# expect: failed
# failing-check: values
# feedback-contains: causal-mask
# mistake: the boolean mask is read the wrong way round: masked_fill(mask, -inf) blocks the True positions; in SDPA True means the query may attend to that key, so fill where ~mask.
# mistake-zh: 布尔掩码的含义弄反了：masked_fill(mask, -inf) 屏蔽的是 True 的位置；在 SDPA 中 True 表示 query 可以关注该 key，应对 ~mask 的位置填 -inf。
import math

import torch


def scaled_dot_product_attention(q, k, v, mask=None):
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    if mask is not None:
        scores = scores.masked_fill(mask, float("-inf"))  # treats True as "blocked"
    return torch.softmax(scores, dim=-1) @ v
