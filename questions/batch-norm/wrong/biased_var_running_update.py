# expect: failed
# failing-check: values
# feedback-contains: train-fresh-stats
# mistake: running_var is updated with the biased batch variance (divided by n); PyTorch normalises with the biased variance but updates running_var with the unbiased one, var * n / (n - 1).
# mistake-zh: running_var 用有偏的 batch 方差（除以 n）更新了；PyTorch 归一化时用有偏方差，但更新 running_var 用的是无偏方差 var * n / (n - 1)。
import torch


def batch_norm(x, running_mean, running_var, weight, bias, training,
               momentum=0.1, eps=1e-5):
    shape = (1, x.shape[1], 1, 1)
    if training:
        mean = x.mean(dim=(0, 2, 3))
        var = x.var(dim=(0, 2, 3), unbiased=False)
        with torch.no_grad():
            new_mean = (1 - momentum) * running_mean + momentum * mean
            new_var = (1 - momentum) * running_var + momentum * var  # Bug: biased var
    else:
        mean, var = running_mean, running_var
        new_mean, new_var = running_mean.detach().clone(), running_var.detach().clone()
    out = (x - mean.view(shape)) / torch.sqrt(var.view(shape) + eps)
    return out * weight.view(shape) + bias.view(shape), new_mean, new_var
