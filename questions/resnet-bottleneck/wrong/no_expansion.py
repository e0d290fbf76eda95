# expect: failed
# failing-check: structure
# feedback-contains: 1x1 conv 4->16 (reference: conv3)
# mistake: the last 1x1 conv (and bn3) outputs planes channels instead of planes * expansion = planes * 4, so the block never expands back to the shortcut's width.
# mistake-zh: 最后一个 1x1 卷积（以及 bn3）输出 planes 个通道，而不是 planes * expansion = planes * 4，块没有升回 shortcut 的通道数。
# The last 1x1 conv outputs `planes` channels instead of `planes * 4`.
import torch
from torch import nn


class Bottleneck(nn.Module):
    expansion = 4

    def __init__(self, inplanes, planes, stride=1, downsample=None):
        super().__init__()
        self.conv1 = nn.Conv2d(inplanes, planes, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, 3, stride, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.conv3 = nn.Conv2d(planes, planes, 1, bias=False)
        self.bn3 = nn.BatchNorm2d(planes)
        self.relu = nn.ReLU(inplace=True)
        self.downsample = downsample

    def forward(self, x):
        identity = x if self.downsample is None else self.downsample(x)
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.relu(self.bn2(self.conv2(out)))
        out = self.bn3(self.conv3(out))
        return self.relu(out + identity)
