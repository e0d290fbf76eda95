# expect: failed
# failing-check: values
# feedback-contains: eval-running-stats
# mistake: in eval mode the output is still normalised with the current batch's mean and variance; eval mode must normalise with running_mean and running_var (and return them unchanged).
# mistake-zh: eval 模式下仍然用当前 batch 的均值和方差做归一化；eval 模式应使用 running_mean 和 running_var 归一化（并原样返回它们）。
import torch


def batch_norm(x, running_mean, running_var, weight, bias, training,
               momentum=0.1, eps=1e-5):
    shape = (1, x.shape[1], 1, 1)
    n = x.numel() // x.shape[1]
    # Bug: batch statistics are used in eval mode too.
    mean = x.mean(dim=(0, 2, 3))
    var = x.var(dim=(0, 2, 3), unbiased=False)
    if training:
        with torch.no_grad():
            new_mean = (1 - momentum) * running_mean + momentum * mean
            new_var = (1 - momentum) * running_var + momentum * var * n / (n - 1)
    else:
        new_mean, new_var = running_mean.detach().clone(), running_var.detach().clone()
    out = (x - mean.view(shape)) / torch.sqrt(var.view(shape) + eps)
    return out * weight.view(shape) + bias.view(shape), new_mean, new_var
