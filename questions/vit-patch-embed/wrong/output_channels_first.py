# expect: failed
# failing-check: shape
# mistake: the result is returned in the conv layout [B, E, N]; the token axis comes first: [B, N, E], i.e. the conv output's .flatten(2).transpose(1, 2).
# mistake-zh: 返回的是卷积的布局 [B, E, N]；token 维应在前面：[B, N, E]，即卷积输出的 .flatten(2).transpose(1, 2)。
import torch


def patch_embed(x, weight, bias, patch_size):
    B, C, H, W = x.shape
    P = patch_size
    E = weight.shape[0]
    gh, gw = H // P, W // P
    patches = x.view(B, C, gh, P, gw, P).permute(0, 2, 4, 1, 3, 5)
    patches = patches.reshape(B, gh * gw, C * P * P)
    out = patches @ weight.reshape(E, -1).T + bias
    return out.transpose(1, 2)  # Bug: returns the conv layout [B, E, N]
