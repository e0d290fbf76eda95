# expect: failed
# failing-check: values
# feedback-contains: tokens-last-dim
# mistake: the mean and variance are taken over the batch dimension (dim 0), as BatchNorm does; LayerNorm normalises each sample / token separately over its trailing normalized_shape dims.
# mistake-zh: 均值和方差是在 batch 维（dim 0）上算的，这是 BatchNorm 的做法；LayerNorm 对每个样本 / token 单独在末尾的 normalized_shape 维度上归一化。
import torch


def layer_norm(x, normalized_shape, weight, bias, eps=1e-5):
    # Bug: BatchNorm-style statistics over the batch dimension.
    mean = x.mean(dim=0, keepdim=True)
    var = x.var(dim=0, unbiased=False, keepdim=True)
    return (x - mean) / torch.sqrt(var + eps) * weight + bias
