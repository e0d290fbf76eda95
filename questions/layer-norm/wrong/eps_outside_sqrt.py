# expect: failed
# failing-check: values
# feedback-contains: small-variance
import torch


def layer_norm(x, normalized_shape, weight, bias, eps=1e-5):
    dims = tuple(range(-len(normalized_shape), 0))
    mean = x.mean(dim=dims, keepdim=True)
    std = x.std(dim=dims, unbiased=False, keepdim=True)
    return (x - mean) / (std + eps) * weight + bias  # Bug: eps added to the std
