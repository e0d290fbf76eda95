import torch


def layer_norm(x, normalized_shape, weight, bias, eps=1e-5):
    dims = tuple(range(-len(normalized_shape), 0))  # the trailing dims to normalise over
    mean = x.mean(dim=dims, keepdim=True)
    var = ((x - mean) ** 2).mean(dim=dims, keepdim=True)  # biased variance
    return (x - mean) / torch.sqrt(var + eps) * weight + bias
