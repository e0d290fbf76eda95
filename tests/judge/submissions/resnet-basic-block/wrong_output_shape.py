# expect: failed
# failing-check: structure
# feedback-contains: 3x3 conv 8->16
# Ignores `planes`: the block never changes its channel count.
from torch import nn


class BasicBlock(nn.Module):
    expansion = 1

    def __init__(self, inplanes, planes, stride=1, downsample=None):
        super().__init__()
        self.conv1 = nn.Conv2d(inplanes, inplanes, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(inplanes)
        self.conv2 = nn.Conv2d(inplanes, inplanes, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(inplanes)

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        return F.relu(self.bn2(self.conv2(out)) + x[:, :, ::self.conv1.stride[0], ::self.conv1.stride[0]])
