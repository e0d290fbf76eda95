# expect: failed
# failing-check: values
# feedback-contains: h2-e8
# mistake: the [B, L, E] projections are reshaped straight to [B, H, L, d], which mixes tokens and features across heads; view them as [B, L, H, d] and transpose(1, 2), and transpose back before merging the heads.
# mistake-zh: 把 [B, L, E] 的投影直接 reshape 成 [B, H, L, d]，把不同 token 和 head 的特征混在了一起；应先 view 成 [B, L, H, d] 再 transpose(1, 2)，合并 head 前再转置回来。
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
