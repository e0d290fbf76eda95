# expect: failed
# failing-check: values
# feedback-contains: tokens-last-dim
import torch


def layer_norm(x, normalized_shape, weight, bias, eps=1e-5):
    # Bug: BatchNorm-style statistics over the batch dimension.
    mean = x.mean(dim=0, keepdim=True)
    var = x.var(dim=0, unbiased=False, keepdim=True)
    return (x - mean) / torch.sqrt(var + eps) * weight + bias
