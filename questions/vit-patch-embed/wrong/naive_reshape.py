# expect: failed
# failing-check: values
# feedback-contains: square-8x8-p4
import torch


def patch_embed(x, weight, bias, patch_size):
    B, C, H, W = x.shape
    P = patch_size
    E = weight.shape[0]
    N = (H // P) * (W // P)
    # Bug: a flat reshape does not cut spatial P x P blocks; it takes consecutive pixels.
    patches = x.reshape(B, N, C * P * P)
    return patches @ weight.reshape(E, -1).T + bias
