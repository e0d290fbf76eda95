# expect: failed
# failing-check: structure
# feedback-contains: 1x1 conv 4->16 (reference: conv3)
# mistake: the last 1x1 conv outputs `planes` channels instead of `planes * 4`: the bottleneck must expand back by 4 (expansion = 4)
# mistake-zh: 最后一个 1x1 卷积输出的是 `planes` 个通道，应为 `planes * 4`：瓶颈结构最后要把通道扩展回 4 倍（expansion = 4）
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
