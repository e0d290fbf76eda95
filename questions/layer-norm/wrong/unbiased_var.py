# expect: failed
# failing-check: values
# feedback-contains: tokens-last-dim
import torch


def layer_norm(x, normalized_shape, weight, bias, eps=1e-5):
    dims = tuple(range(-len(normalized_shape), 0))
    mean = x.mean(dim=dims, keepdim=True)
    var = x.var(dim=dims, keepdim=True)  # Bug: default correction=1 (unbiased)
    return (x - mean) / torch.sqrt(var + eps) * weight + bias
