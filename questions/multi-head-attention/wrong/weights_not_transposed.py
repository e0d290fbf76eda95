# expect: failed
# failing-check: values
# feedback-contains: h2-e8
# mistake: the projections compute x @ W instead of x @ W.T; the weights are stored like nn.Linear's, as [out, in], so y = x @ W.T + b (for Q, K, V and the output projection).
# mistake-zh: 投影算成了 x @ W，而不是 x @ W.T；权重和 nn.Linear 一样按 [out, in] 存储，应为 y = x @ W.T + b（Q、K、V 和输出投影都一样）。
import math

import torch


def multi_head_attention(x, w_q, w_k, w_v, w_o, b_q, b_k, b_v, b_o, num_heads):
    B, L, E = x.shape
    d = E // num_heads
    # Bug: x @ w instead of x @ w.T (nn.Linear stores weight as [out, in]).
    q = (x @ w_q + b_q).view(B, L, num_heads, d).transpose(1, 2)
    k = (x @ w_k + b_k).view(B, L, num_heads, d).transpose(1, 2)
    v = (x @ w_v + b_v).view(B, L, num_heads, d).transpose(1, 2)
    attn = torch.softmax(q @ k.transpose(-2, -1) / math.sqrt(d), dim=-1) @ v
    return attn.transpose(1, 2).reshape(B, L, E) @ w_o + b_o
