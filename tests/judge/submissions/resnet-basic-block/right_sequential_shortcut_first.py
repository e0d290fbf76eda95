# expect: passed
# One nn.Sequential for the main path, the shortcut computed first, modules created in odd order.
import torch
from torch import nn


class BasicBlock(nn.Module):
    expansion = 1

    def __init__(self, inplanes, planes, stride=1, downsample=None):
        super().__init__()
        self.downsample = downsample
        self.body = nn.Sequential(
            nn.Conv2d(inplanes, planes, 3, stride, 1, bias=False),
            nn.BatchNorm2d(planes),
            nn.ReLU(),
            nn.Conv2d(planes, planes, 3, 1, 1, bias=False),
            nn.BatchNorm2d(planes),
        )

    def forward(self, x):
        shortcut = self.downsample(x) if self.downsample is not None else x
        return torch.relu(shortcut + self.body(x))
