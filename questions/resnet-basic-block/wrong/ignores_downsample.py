# expect: failed
# failing-check: exception
# feedback-contains: must match the size of tensor
# mistake: the downsample module is accepted but never used, so the shortcut adds x unchanged and the stride-2 block fails with a size mismatch; when downsample is given the shortcut is downsample(x).
# mistake-zh: 接收了 downsample 却从未使用，shortcut 直接加了原始的 x，stride 为 2 的块因此尺寸不匹配而报错；给了 downsample 时 shortcut 应为 downsample(x)。
import torch
from torch import nn


class BasicBlock(nn.Module):
    expansion = 1

    def __init__(self, inplanes, planes, stride=1, downsample=None):
        super().__init__()
        self.conv1 = nn.Conv2d(inplanes, planes, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.relu = nn.ReLU(inplace=True)
        self.conv2 = nn.Conv2d(planes, planes, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.downsample = downsample

    def forward(self, x):
        identity = x  # self.downsample is never applied
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        out += identity
        return self.relu(out)
