# expect: failed
# failing-check: structure
# feedback-contains: this is a BasicBlock
# feedback-contains: ResNet-50 uses the Bottleneck
# mistake: a BasicBlock (two 3x3 convs, expansion = 1) is written instead of the Bottleneck; ResNet-50's unit is 1x1 (reduce to planes) -> 3x3 -> 1x1 (expand to planes * 4), with expansion = 4.
# mistake-zh: 写成了 BasicBlock（两个 3x3 卷积，expansion = 1），而不是 Bottleneck；ResNet-50 的单元是 1x1（降到 planes）-> 3x3 -> 1x1（升到 planes * 4），expansion = 4。
# The seed slip: torchvision's BasicBlock submitted where the Bottleneck is asked.
import torch
from torch import nn


def conv3x3(in_planes, out_planes, stride=1):
    return nn.Conv2d(in_planes, out_planes, kernel_size=3, stride=stride, padding=1, bias=False)


class Bottleneck(nn.Module):
    expansion = 1

    def __init__(self, inplanes, planes, stride=1, downsample=None):
        super().__init__()
        self.conv1 = conv3x3(inplanes, planes, stride)
        self.bn1 = nn.BatchNorm2d(planes)
        self.relu = nn.ReLU(inplace=True)
        self.conv2 = conv3x3(planes, planes)
        self.bn2 = nn.BatchNorm2d(planes)
        self.downsample = downsample

    def forward(self, x):
        identity = x
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        if self.downsample is not None:
            identity = self.downsample(x)
        out += identity
        return self.relu(out)
