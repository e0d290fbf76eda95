# expect: failed
# failing-check: values
# feedback-contains: last-two-dims
# mistake: the statistics are always taken over the last dim only; normalise over all len(normalized_shape) trailing dims together (e.g. both H and W when normalized_shape = [H, W]).
# mistake-zh: 统计量总是只在最后一维上算；应在 len(normalized_shape) 个末尾维度上一起归一化（例如 normalized_shape = [H, W] 时同时在 H 和 W 上）。
import torch


def layer_norm(x, normalized_shape, weight, bias, eps=1e-5):
    # Bug: always normalises over the last dim only, ignoring len(normalized_shape).
    mean = x.mean(dim=-1, keepdim=True)
    var = x.var(dim=-1, unbiased=False, keepdim=True)
    return (x - mean) / torch.sqrt(var + eps) * weight + bias
