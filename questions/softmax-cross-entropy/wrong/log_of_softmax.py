# expect: failed
# failing-check: values
# mistake: the loss is log(softmax(z)[target]) computed in two steps; the probability of a target far below the maximum underflows to 0 and log(0) = -inf, so compute log-softmax directly as z - logsumexp(z).
# mistake-zh: 先算 softmax 概率再取 log；目标类远低于最大值时概率下溢为 0，log(0) = -inf，应直接算 log-softmax：z - logsumexp(z)。
import torch


def cross_entropy(logits, target):
    m = logits.max(dim=1, keepdim=True).values
    e = (logits - m).exp()  # max-subtracted, so no overflow...
    probs = e / e.sum(dim=1, keepdim=True)
    p = probs.gather(1, target[:, None]).squeeze(1)
    return -p.log().mean()  # ...but a probability that underflows to 0 gives log(0) = -inf
