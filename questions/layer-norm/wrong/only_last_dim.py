# expect: failed
# failing-check: values
# feedback-contains: last-two-dims
import torch


def layer_norm(x, normalized_shape, weight, bias, eps=1e-5):
    # Bug: always normalises over the last dim only, ignoring len(normalized_shape).
    mean = x.mean(dim=-1, keepdim=True)
    var = x.var(dim=-1, unbiased=False, keepdim=True)
    return (x - mean) / torch.sqrt(var + eps) * weight + bias
