# expect: failed
# failing-check: values
# feedback-contains: your first conv (conv1)'s output has shape [1, 4, 4, 5], expected [1, 4, 7, 9]
# mistake: the stride is put on the first 1x1 conv (the original ResNet v1 placement); torchvision's ResNet v1.5 keeps conv1 at stride 1 and puts the stride on the 3x3 conv (conv2).
# mistake-zh: 把 stride 放在了第一个 1x1 卷积上（最初 ResNet v1 的位置）；torchvision 的 ResNet v1.5 中 conv1 的 stride 为 1，stride 放在 3x3 卷积（conv2）上。
# ResNet v1 placement: stride on the first 1x1 conv; torchvision's v1.5 puts it on the 3x3 conv.
import torch
from torch import nn


class Bottleneck(nn.Module):
    expansion = 4

    def __init__(self, inplanes, planes, stride=1, downsample=None):
        super().__init__()
        self.conv1 = nn.Conv2d(inplanes, planes, 1, stride, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.conv3 = nn.Conv2d(planes, planes * 4, 1, bias=False)
        self.bn3 = nn.BatchNorm2d(planes * 4)
        self.relu = nn.ReLU(inplace=True)
        self.downsample = downsample

    def forward(self, x):
        identity = x if self.downsample is None else self.downsample(x)
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.relu(self.bn2(self.conv2(out)))
        out = self.bn3(self.conv3(out))
        return self.relu(out + identity)
