# expect: failed
# failing-check: values
# feedback-contains: square-8x8-p4
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
