import math

import torch


def multi_head_attention(x, w_q, w_k, w_v, w_o, b_q, b_k, b_v, b_o, num_heads):
    B, L, E = x.shape
    d = E // num_heads

    def split(t):  # [B, L, E] -> [B, H, L, d]
        return t.view(B, L, num_heads, d).transpose(1, 2)

    q = split(x @ w_q.T + b_q)
    k = split(x @ w_k.T + b_k)
    v = split(x @ w_v.T + b_v)

    scores = q @ k.transpose(-2, -1) / math.sqrt(d)  # [B, H, L, L]
    attn = torch.softmax(scores, dim=-1) @ v  # [B, H, L, d]

    merged = attn.transpose(1, 2).reshape(B, L, E)
    return merged @ w_o.T + b_o
