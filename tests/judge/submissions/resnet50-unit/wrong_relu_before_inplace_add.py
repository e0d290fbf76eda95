# expect: failed
# failing-check: values
# feedback-contains: This is a known mistake: the ReLU is applied to the main path before adding the shortcut
# In-place `out += identity` after the early ReLU breaks backward (PyTorch's in-place autograd
# error); the eval-mode diagnosis and the named mistake still come first.
from torch import nn


def conv3x3(in_planes, out_planes, stride=1):
    """3x3 convolution with padding; no bias because BatchNorm follows."""
    return nn.Conv2d(in_planes, out_planes, kernel_size=3, stride=stride, padding=1, bias=False)


def conv1x1(in_planes, out_planes, stride=1):
    """1x1 convolution."""
    return nn.Conv2d(in_planes, out_planes, kernel_size=1, stride=stride, bias=False)


class Bottleneck(nn.Module):
    # torchvision's v1.5: the stride sits on the 3x3 conv (conv2), not on the first 1x1.
    expansion = 4

    def __init__(self, inplanes, planes, stride=1, downsample=None):
        super().__init__()
        self.conv1 = conv1x1(inplanes, planes)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = conv3x3(planes, planes, stride)
        self.bn2 = nn.BatchNorm2d(planes)
        self.conv3 = conv1x1(planes, planes * self.expansion)
        self.bn3 = nn.BatchNorm2d(planes * self.expansion)
        self.relu = nn.ReLU(inplace=True)
        self.downsample = downsample
        self.stride = stride

    def forward(self, x):
        identity = x

        out = self.conv1(x)
        out = self.bn1(out)
        out = self.relu(out)

        out = self.conv2(out)
        out = self.bn2(out)
        out = self.relu(out)

        out = self.conv3(out)
        out = self.bn3(out)
        out = self.relu(out)  # ReLU before the in-place addition

        if self.downsample is not None:
            identity = self.downsample(x)

        out += identity
        return out
