# expect: failed
# failing-check: values
# mistake: the log-softmax normalises over dim 0 (the batch) instead of dim 1 (the classes); each row's probabilities must sum to 1 over its C classes.
# mistake-zh: log-softmax 在 dim 0（batch 维）上归一化了，应在 dim 1（类别维）上；每一行的概率要在自己的 C 个类上加起来等于 1。
import torch


def label_smoothing_ce(logits, target, smoothing):
    m = logits.max(dim=0, keepdim=True).values
    log_p = logits - m - (logits - m).exp().sum(dim=0, keepdim=True).log()  # wrong dim
    nll = -log_p.gather(1, target[:, None]).squeeze(1)
    uniform = -log_p.mean(dim=1)
    return ((1.0 - smoothing) * nll + smoothing * uniform).mean()
