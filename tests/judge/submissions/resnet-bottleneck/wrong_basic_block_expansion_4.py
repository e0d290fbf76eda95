# expect: failed
# failing-check: structure
# feedback-contains: 1x1 conv 16->4 (reference: conv1)
# feedback-contains: The reference uses 3 convs (1x1, 3x3, 1x1)
# A BasicBlock that only claims expansion = 4.
from torch import nn


class Bottleneck(nn.Module):
    expansion = 4

    def __init__(self, inplanes, planes, stride=1, downsample=None):
        super().__init__()
        self.conv1 = nn.Conv2d(inplanes, planes, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes * 4, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes * 4)
        self.downsample = downsample

    def forward(self, x):
        identity = x if self.downsample is None else self.downsample(x)
        out = F.relu(self.bn1(self.conv1(x)))
        return F.relu(self.bn2(self.conv2(out)) + identity)
