# expect: failed
# failing-check: forbidden
# feedback-contains: conv2d
import torch.nn.functional as F


def conv2d(x, weight, bias=None, stride=1, padding=0):
    return F.conv2d(x, weight, bias, stride=stride, padding=padding)
