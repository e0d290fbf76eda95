# expect: failed
# failing-check: values
# mistake: the sums run over the whole batch, giving one Dice for all samples together; compute a Dice per sample (sums over that sample's pixels only), then average 1 - Dice over the batch.
# mistake-zh: 对整个 batch 一起求和，得到的是所有样本合在一起的一个 Dice；应对每个样本分别求和（只在该样本的像素上），算出各自的 Dice，再对 1 - Dice 求 batch 平均。
import torch


def dice_loss(logits, target, eps):
    p = torch.sigmoid(logits)
    inter = (p * target).sum()  # whole batch
    denom = p.sum() + target.sum()
    return 1 - (2 * inter + eps) / (denom + eps)
