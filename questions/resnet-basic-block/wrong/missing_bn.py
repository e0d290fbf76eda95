# expect: failed
# failing-check: structure
# feedback-contains: missing a BatchNorm2d(8)
# mistake: the second 3x3 conv is not followed by a BatchNorm2d (bn2); each of the two convs has its own BatchNorm, and bn2's output is what the shortcut is added to.
# mistake-zh: 第二个 3x3 卷积后面缺了 BatchNorm2d（bn2）；两个卷积各接一个 BatchNorm，shortcut 加在 bn2 的输出上。
# No BatchNorm after the second conv.
import torch
from torch import nn


class BasicBlock(nn.Module):
    expansion = 1

    def __init__(self, inplanes, planes, stride=1, downsample=None):
        super().__init__()
        self.conv1 = nn.Conv2d(inplanes, planes, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, 3, 1, 1, bias=False)
        self.downsample = downsample

    def forward(self, x):
        identity = x if self.downsample is None else self.downsample(x)
        out = torch.relu(self.bn1(self.conv1(x)))
        out = self.conv2(out)
        return torch.relu(out + identity)
