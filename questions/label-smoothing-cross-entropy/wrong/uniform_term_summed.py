# expect: failed
# failing-check: values
# mistake: the uniform part is eps * sum_c(-log p_c) instead of eps * mean_c(-log p_c); each class gets eps / C of the target mass, so divide the sum by C.
# mistake-zh: 均匀部分写成了 eps * sum_c(-log p_c)，应为 eps * mean_c(-log p_c)；每个类分到的是 eps / C 的目标概率，求和之后要除以 C。
import torch


def label_smoothing_ce(logits, target, smoothing):
    m = logits.max(dim=1, keepdim=True).values
    log_p = logits - m - (logits - m).exp().sum(dim=1, keepdim=True).log()
    nll = -log_p.gather(1, target[:, None]).squeeze(1)
    uniform = -log_p.sum(dim=1)  # should be .mean(dim=1)
    return ((1.0 - smoothing) * nll + smoothing * uniform).mean()
