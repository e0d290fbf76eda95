import numpy as np


def conv2d(x, weight, bias, stride, padding):
    """2-D cross-correlation with the semantics of a deep-learning conv2d layer, in NumPy.

    x: [N, C, H, W], weight: [O, C, k, k], bias: [O] or None; stride >= 1, padding >= 0 (ints).
    Returns [N, O, H_out, W_out] with H_out = (H + 2 * padding - k) // stride + 1 (same for W).
    """
    # TODO: zero-pad, gather the k x k patches (im2col), multiply by the flattened weight, add bias.
    raise NotImplementedError
