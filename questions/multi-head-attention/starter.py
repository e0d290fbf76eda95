import math  # noqa: F401

import torch  # noqa: F401
import torch.nn.functional as F  # noqa: F401


def multi_head_attention(x, w_q, w_k, w_v, w_o, b_q, b_k, b_v, b_o, num_heads):
    """Multi-head self-attention (no mask, no dropout).

    x:                  [B, L, E]  float32
    w_q, w_k, w_v, w_o: [E, E]     float32, applied like nn.Linear: y = x @ w.T + b
    b_q, b_k, b_v, b_o: [E]        float32
    num_heads:          int H, E is divisible by H (head dim d = E // H);
                        head h uses features [h*d, (h+1)*d) of the projected q, k, v.

    Returns [B, L, E] float32, equal to nn.MultiheadAttention(E, H, batch_first=True)
    with in_proj_weight = cat([w_q, w_k, w_v]), in_proj_bias = cat([b_q, b_k, b_v]),
    out_proj = (w_o, b_o), called as mha(x, x, x, need_weights=False)[0].
    """
    raise NotImplementedError
