# expect: failed
# failing-check: values
# mistake: log-softmax is computed as z - log(sum(exp(z))) without subtracting the row maximum, so exp overflows to inf for large logits; subtract max_c z_c before exp.
# mistake-zh: log-softmax 写成 z - log(sum(exp(z)))，没有先减每行最大值，logits 较大时 exp 溢出为 inf；应在 exp 之前减去 max_c z_c。
import torch


def label_smoothing_ce(logits, target, smoothing):
    log_p = logits - logits.exp().sum(dim=1, keepdim=True).log()  # overflows
    nll = -log_p.gather(1, target[:, None]).squeeze(1)
    uniform = -log_p.mean(dim=1)
    return ((1.0 - smoothing) * nll + smoothing * uniform).mean()
