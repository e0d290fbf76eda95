# expect: failed
# failing-check: values
# mistake: the raw logits are used as probabilities; apply torch.sigmoid first so that p lies in (0, 1).
# mistake-zh: 直接把 logits 当作概率用了；应先做 torch.sigmoid，让 p 落在 (0, 1) 之间。
import torch


def dice_loss(logits, target, eps):
    p = logits.flatten(1)  # should be torch.sigmoid(logits)
    t = target.flatten(1)
    inter = (p * t).sum(dim=1)
    denom = p.sum(dim=1) + t.sum(dim=1)
    return (1 - (2 * inter + eps) / (denom + eps)).mean()
