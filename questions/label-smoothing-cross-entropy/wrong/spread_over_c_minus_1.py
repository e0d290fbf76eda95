# expect: failed
# failing-check: values
# mistake: the smoothing mass eps is spread only over the C - 1 wrong classes (true class 1 - eps); PyTorch mixes with the uniform distribution over all C classes, so the true class gets 1 - eps + eps / C and every other class eps / C.
# mistake-zh: 把平滑的 eps 只分给了 C - 1 个错误类（真实类为 1 - eps）；PyTorch 是与全部 C 个类上的均匀分布混合，真实类得到 1 - eps + eps / C，其它每类 eps / C。
import torch


def label_smoothing_ce(logits, target, smoothing):
    n, c = logits.shape
    m = logits.max(dim=1, keepdim=True).values
    log_p = logits - m - (logits - m).exp().sum(dim=1, keepdim=True).log()
    q = torch.full_like(log_p, smoothing / (c - 1))  # eps / (C - 1) off the true class
    q.scatter_(1, target[:, None], 1.0 - smoothing)
    return -(q * log_p).sum(dim=1).mean()
