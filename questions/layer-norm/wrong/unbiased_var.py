# expect: failed
# failing-check: values
# feedback-contains: tokens-last-dim
# mistake: the variance is unbiased (x.var() divides by m - 1 by default); LayerNorm uses the biased variance, dividing by m (unbiased=False or correction=0).
# mistake-zh: 方差用了无偏估计（x.var() 默认除以 m - 1）；LayerNorm 用的是有偏方差，除以 m（unbiased=False 或 correction=0）。
import torch


def layer_norm(x, normalized_shape, weight, bias, eps=1e-5):
    dims = tuple(range(-len(normalized_shape), 0))
    mean = x.mean(dim=dims, keepdim=True)
    var = x.var(dim=dims, keepdim=True)  # Bug: default correction=1 (unbiased)
    return (x - mean) / torch.sqrt(var + eps) * weight + bias
