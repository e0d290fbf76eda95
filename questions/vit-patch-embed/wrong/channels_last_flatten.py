# expect: failed
# failing-check: values
# feedback-contains: square-8x8-p4
# mistake: each patch is flattened in (P, P, C) order while the Conv2d weight is flattened as (C, P, P), so pixels meet the wrong weights; permute the patches to [B, H/P, W/P, C, P, P] before flattening.
# mistake-zh: 每个 patch 按 (P, P, C) 的顺序展平，而 Conv2d 权重按 (C, P, P) 展平，像素和权重对错了位；展平前应 permute 成 [B, H/P, W/P, C, P, P]。
import torch


def patch_embed(x, weight, bias, patch_size):
    B, C, H, W = x.shape
    P = patch_size
    E = weight.shape[0]
    gh, gw = H // P, W // P
    # Bug: each patch flattened as (P, P, C) but the weight is flattened as (C, P, P).
    patches = x.view(B, C, gh, P, gw, P).permute(0, 2, 4, 3, 5, 1)
    patches = patches.reshape(B, gh * gw, P * P * C)
    return patches @ weight.reshape(E, -1).T + bias
