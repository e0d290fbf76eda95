import torch


def batch_norm(x, running_mean, running_var, weight, bias, training,
               momentum=0.1, eps=1e-5):
    C = x.shape[1]
    shape = (1, C, 1, 1)
    if training:
        n = x.numel() // C  # elements per channel: N * H * W
        mean = x.mean(dim=(0, 2, 3))
        var = x.var(dim=(0, 2, 3), unbiased=False)  # biased: used to normalise
        with torch.no_grad():
            new_mean = (1 - momentum) * running_mean + momentum * mean
            new_var = (1 - momentum) * running_var + momentum * var * n / (n - 1)  # unbiased
    else:
        mean, var = running_mean, running_var
        new_mean, new_var = running_mean.detach().clone(), running_var.detach().clone()
    x_hat = (x - mean.view(shape)) / torch.sqrt(var.view(shape) + eps)
    out = x_hat * weight.view(shape) + bias.view(shape)
    return out, new_mean, new_var
