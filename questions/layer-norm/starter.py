import math  # noqa: F401

import torch  # noqa: F401
import torch.nn.functional as F  # noqa: F401


def layer_norm(x, normalized_shape, weight, bias, eps=1e-5):
    """LayerNorm with the semantics of F.layer_norm.

    x:                [*, *normalized_shape] float32
    normalized_shape: list of ints, equal to the trailing dims of x
    weight, bias:     float32 tensors of shape normalized_shape
    eps:              float, added to the variance inside the square root

    Normalises every sample over its last len(normalized_shape) dims with the mean and the
    BIASED variance, then applies weight and bias. Returns a tensor shaped like x.
    """
    raise NotImplementedError
