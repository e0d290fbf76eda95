# expect: failed
# failing-check: values
# feedback-contains: h2-e8
# mistake: the concatenated heads are returned without the output projection; apply W_o and b_o at the end: merged @ w_o.T + b_o.
# mistake-zh: 拼接各个 head 之后直接返回，漏了输出投影；最后还要乘上 W_o 并加上 b_o：merged @ w_o.T + b_o。
import math

import torch


def multi_head_attention(x, w_q, w_k, w_v, w_o, b_q, b_k, b_v, b_o, num_heads):
    B, L, E = x.shape
    d = E // num_heads
    q = (x @ w_q.T + b_q).view(B, L, num_heads, d).transpose(1, 2)
    k = (x @ w_k.T + b_k).view(B, L, num_heads, d).transpose(1, 2)
    v = (x @ w_v.T + b_v).view(B, L, num_heads, d).transpose(1, 2)
    attn = torch.softmax(q @ k.transpose(-2, -1) / math.sqrt(d), dim=-1) @ v
    return attn.transpose(1, 2).reshape(B, L, E)  # forgot w_o / b_o
