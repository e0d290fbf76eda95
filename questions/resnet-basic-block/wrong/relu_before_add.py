# expect: failed
# failing-check: values
# feedback-contains: the reference returns
# mistake: the ReLU is applied to bn2's output before the shortcut is added instead of after, so the block can output negative values; add the shortcut first and apply ReLU to the sum: relu(bn2(conv2(out)) + identity).
# mistake-zh: ReLU 放在了 shortcut 相加之前，作用在 bn2 的输出上，块的输出可能为负；应先加上 shortcut，再对和做 ReLU：relu(bn2(conv2(out)) + identity)。
# ReLU applied to the main path before the addition instead of after it.
import torch
from torch import nn


class BasicBlock(nn.Module):
    expansion = 1

    def __init__(self, inplanes, planes, stride=1, downsample=None):
        super().__init__()
        self.conv1 = nn.Conv2d(inplanes, planes, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.downsample = downsample

    def forward(self, x):
        identity = x if self.downsample is None else self.downsample(x)
        out = torch.relu(self.bn1(self.conv1(x)))
        out = torch.relu(self.bn2(self.conv2(out)))
        return out + identity
