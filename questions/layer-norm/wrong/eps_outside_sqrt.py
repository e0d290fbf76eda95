# expect: failed
# failing-check: values
# feedback-contains: small-variance
# mistake: eps is added to the standard deviation, (x - mu) / (std + eps); F.layer_norm adds it to the variance inside the square root, (x - mu) / sqrt(var + eps), which differs for tiny variances and a large eps.
# mistake-zh: eps 加在了标准差上：(x - mu) / (std + eps)；F.layer_norm 是加在根号里的方差上：(x - mu) / sqrt(var + eps)，方差很小或 eps 较大时两者差别明显。
import torch


def layer_norm(x, normalized_shape, weight, bias, eps=1e-5):
    dims = tuple(range(-len(normalized_shape), 0))
    mean = x.mean(dim=dims, keepdim=True)
    std = x.std(dim=dims, unbiased=False, keepdim=True)
    return (x - mean) / (std + eps) * weight + bias  # Bug: eps added to the std
