# expect: failed
# failing-check: values
# feedback-contains: square-8x8-p4
# mistake: the patches are enumerated column by column (the grid-column axis before the grid-row axis); tokens are row-major, n = i * (W / P) + j, so permute to [B, H/P, W/P, C, P, P].
# mistake-zh: patch 是按列枚举的（网格的列轴排在行轴前面）；token 应按行优先排列，n = i * (W / P) + j，应 permute 成 [B, H/P, W/P, C, P, P]。
import torch


def patch_embed(x, weight, bias, patch_size):
    B, C, H, W = x.shape
    P = patch_size
    E = weight.shape[0]
    gh, gw = H // P, W // P
    # Bug: grid-column axis before grid-row axis -> patches enumerated column by column.
    patches = x.view(B, C, gh, P, gw, P).permute(0, 4, 2, 1, 3, 5)
    patches = patches.reshape(B, gh * gw, C * P * P)
    return patches @ weight.reshape(E, -1).T + bias
