# expect: failed
# failing-check: grad
# feedback-contains: train-fresh-stats
# mistake: the running-statistics update stays in the autograd graph (and eval mode returns the input tensors themselves), so gradients flow through new_running_mean and new_running_var; update the buffers under torch.no_grad() or from detached statistics, and return running_mean.detach() in eval mode.
# mistake-zh: running 统计量的更新留在了计算图里（eval 模式还直接返回了输入张量本身），梯度会经过 new_running_mean 和 new_running_var 回传；应在 torch.no_grad() 中或用 detach 过的统计量更新 buffer，eval 模式返回 running_mean.detach()。
import torch


def batch_norm(x, running_mean, running_var, weight, bias, training,
               momentum=0.1, eps=1e-5):
    shape = (1, x.shape[1], 1, 1)
    if training:
        n = x.numel() // x.shape[1]
        mean = x.mean(dim=(0, 2, 3))
        var = x.var(dim=(0, 2, 3), unbiased=False)
        # Bug: the buffer update is part of the autograd graph (no torch.no_grad / detach),
        # so gradients flow from the returned running statistics back into x.
        new_mean = (1 - momentum) * running_mean + momentum * mean
        new_var = (1 - momentum) * running_var + momentum * var * n / (n - 1)
    else:
        mean, var = running_mean, running_var
        new_mean, new_var = running_mean, running_var
    out = (x - mean.view(shape)) / torch.sqrt(var.view(shape) + eps)
    return out * weight.view(shape) + bias.view(shape), new_mean, new_var
