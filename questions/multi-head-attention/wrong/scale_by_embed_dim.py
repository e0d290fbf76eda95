# expect: failed
# failing-check: values
# feedback-contains: h2-e8
# mistake: the scores are divided by sqrt(E), the embedding dim (d_model), instead of sqrt(d_k) with d_k = E / num_heads, the per-head dimension, so with several heads the softmax is too flat.
# mistake-zh: 注意力分数除以了 sqrt(E)，即嵌入维度 d_model，应当除以每个 head 的维度 d_k = E / num_heads 的平方根 sqrt(d_k)；有多个 head 时 softmax 会过于平缓。
import math

import torch


def multi_head_attention(x, w_q, w_k, w_v, w_o, b_q, b_k, b_v, b_o, num_heads):
    B, L, E = x.shape
    d = E // num_heads
    q = (x @ w_q.T + b_q).view(B, L, num_heads, d).transpose(1, 2)
    k = (x @ w_k.T + b_k).view(B, L, num_heads, d).transpose(1, 2)
    v = (x @ w_v.T + b_v).view(B, L, num_heads, d).transpose(1, 2)
    attn = torch.softmax(q @ k.transpose(-2, -1) / math.sqrt(E), dim=-1) @ v  # should be sqrt(d)
    return attn.transpose(1, 2).reshape(B, L, E) @ w_o.T + b_o
