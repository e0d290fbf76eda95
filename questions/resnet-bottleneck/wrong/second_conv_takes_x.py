# expect: failed
# failing-check: exception
# feedback-contains: your second conv (conv2), whose input is the block input x
# feedback-contains: relu(bn1)
# mistake: the 3x3 conv (conv2) is applied to the block input x instead of out, the ReLU of bn1's output (here x has inplanes channels, so it does not even fit); conv2 must take out.
# mistake-zh: 3x3 卷积（conv2）的输入是块的输入 x，而不是 bn1 输出经 ReLU 后的 out（这里 x 有 inplanes 个通道，连形状都对不上）；conv2 的输入应为 out。
# The seed slip: the second conv gets `x` instead of `out` (here the channels do not even fit).
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
        self.conv3 = nn.Conv2d(planes, planes * 4, 1, bias=False)
        self.bn3 = nn.BatchNorm2d(planes * 4)
        self.relu = nn.ReLU(inplace=True)
        self.downsample = downsample

    def forward(self, x):
        identity = x
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.relu(self.bn2(self.conv2(x)))
        out = self.bn3(self.conv3(out))
        if self.downsample is not None:
            identity = self.downsample(x)
        return self.relu(out + identity)
