# expect: failed
# failing-check: values
# feedback-contains: square-8x8-p4
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
