import math  # noqa: F401

import torch  # noqa: F401
import torch.nn.functional as F  # noqa: F401


def batch_norm(x, running_mean, running_var, weight, bias, training,
               momentum=0.1, eps=1e-5):
    """BatchNorm2d forward with PyTorch semantics.

    x:            [N, C, H, W] float32 (N * H * W > 1)
    running_mean: [C] float32
    running_var:  [C] float32
    weight, bias: [C] float32 (affine gamma, beta)
    training:     bool
    momentum:     float, new = (1 - momentum) * old + momentum * batch_stat
    eps:          float, added to the variance inside the square root

    Returns (out [N, C, H, W], new_running_mean [C], new_running_var [C]).
    Training: normalise with the batch mean and BIASED batch variance; update the running
    variance with the UNBIASED batch variance. Eval: normalise with the running statistics
    and return them unchanged. The returned running statistics carry no autograd history;
    do not modify any input in place.
    """
    raise NotImplementedError
