# expect: passed
# Own projection shortcut (no `downsample` argument), main path in one nn.Sequential, F.relu.
import torch
from torch import nn


class Bottleneck(nn.Module):
    expansion = 4

    def __init__(self, inplanes, planes, stride=1):
        super().__init__()
        out = planes * self.expansion
        self.proj = None
        if stride != 1 or inplanes != out:
            self.proj = nn.Sequential(nn.Conv2d(inplanes, out, 1, stride, bias=False),
                                      nn.BatchNorm2d(out))
        self.main = nn.Sequential(
            nn.Conv2d(inplanes, planes, 1, bias=False), nn.BatchNorm2d(planes), nn.ReLU(),
            nn.Conv2d(planes, planes, 3, stride, 1, bias=False), nn.BatchNorm2d(planes), nn.ReLU(),
            nn.Conv2d(planes, out, 1, bias=False), nn.BatchNorm2d(out),
        )

    def forward(self, x):
        skip = x if self.proj is None else self.proj(x)
        return F.relu(skip + self.main(x))
