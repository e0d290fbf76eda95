# expect: failed
# failing-check: values
# feedback-contains: train-fresh-stats
# mistake: the activations are normalised with the unbiased variance (x.var() divides by n - 1 by default); training-mode BatchNorm normalises with the biased variance (unbiased=False, divide by n) and uses the unbiased one only to update running_var.
# mistake-zh: 用无偏方差做了归一化（x.var() 默认除以 n - 1）；训练模式的 BatchNorm 用有偏方差（unbiased=False，除以 n）归一化，无偏方差只用来更新 running_var。
import torch


def batch_norm(x, running_mean, running_var, weight, bias, training,
               momentum=0.1, eps=1e-5):
    shape = (1, x.shape[1], 1, 1)
    if training:
        mean = x.mean(dim=(0, 2, 3))
        var = x.var(dim=(0, 2, 3))  # Bug: unbiased (n - 1) variance used to normalise
        with torch.no_grad():
            new_mean = (1 - momentum) * running_mean + momentum * mean
            new_var = (1 - momentum) * running_var + momentum * var
    else:
        mean, var = running_mean, running_var
        new_mean, new_var = running_mean.detach().clone(), running_var.detach().clone()
    out = (x - mean.view(shape)) / torch.sqrt(var.view(shape) + eps)
    return out * weight.view(shape) + bias.view(shape), new_mean, new_var
