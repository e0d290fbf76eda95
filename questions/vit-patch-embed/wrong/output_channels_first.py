# expect: failed
# failing-check: shape
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
