# expect: failed
# failing-check: values
# feedback-contains: h2-e8
import math

import torch


def multi_head_attention(x, w_q, w_k, w_v, w_o, b_q, b_k, b_v, b_o, num_heads):
    B, L, E = x.shape
    d = E // num_heads
    # Bug: reshape straight to [B, H, L, d] mixes tokens and features across heads.
    q = (x @ w_q.T + b_q).reshape(B, num_heads, L, d)
    k = (x @ w_k.T + b_k).reshape(B, num_heads, L, d)
    v = (x @ w_v.T + b_v).reshape(B, num_heads, L, d)
    attn = torch.softmax(q @ k.transpose(-2, -1) / math.sqrt(d), dim=-1) @ v
    merged = attn.reshape(B, L, E)
    return merged @ w_o.T + b_o
