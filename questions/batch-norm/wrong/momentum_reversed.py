# expect: failed
# failing-check: values
# feedback-contains: train-fresh-stats
# mistake: the running statistics use the Keras/TF momentum convention, momentum * old + (1 - momentum) * batch; in PyTorch new = (1 - momentum) * old + momentum * batch, so momentum=0.1 moves them only 10% towards the batch statistics.
# mistake-zh: running 统计量用了 Keras/TF 的 momentum 约定 momentum * old + (1 - momentum) * batch；PyTorch 中是 new = (1 - momentum) * old + momentum * batch，momentum=0.1 时只向 batch 统计量移动 10%。
import torch


def batch_norm(x, running_mean, running_var, weight, bias, training,
               momentum=0.1, eps=1e-5):
    shape = (1, x.shape[1], 1, 1)
    if training:
        n = x.numel() // x.shape[1]
        mean = x.mean(dim=(0, 2, 3))
        var = x.var(dim=(0, 2, 3), unbiased=False)
        with torch.no_grad():
            # Bug: Keras/TF convention (momentum weights the OLD value) under PyTorch's name.
            new_mean = momentum * running_mean + (1 - momentum) * mean
            new_var = momentum * running_var + (1 - momentum) * var * n / (n - 1)
    else:
        mean, var = running_mean, running_var
        new_mean, new_var = running_mean.detach().clone(), running_var.detach().clone()
    out = (x - mean.view(shape)) / torch.sqrt(var.view(shape) + eps)
    return out * weight.view(shape) + bias.view(shape), new_mean, new_var
