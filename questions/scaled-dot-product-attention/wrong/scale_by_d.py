# expect: failed
# failing-check: values
# feedback-contains: no-mask
# mistake: the scores are divided by D instead of sqrt(D), so the softmax is far too flat; scale q @ k^T by 1 / sqrt(D), with D = q.shape[-1].
# mistake-zh: 注意力分数除以了 D 而不是 sqrt(D)，softmax 过于平缓；应把 q @ k^T 乘以 1 / sqrt(D)，其中 D = q.shape[-1]。
import torch


def scaled_dot_product_attention(q, k, v, mask=None):
    d = q.shape[-1]
    scores = q @ k.transpose(-2, -1) / d  # should be sqrt(d)
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    return torch.softmax(scores, dim=-1) @ v
