import torch
from torch import nn


class Unit(nn.Module):
    def __init__(self, inplanes, planes, stride=1, downsample=None):
        super().__init__()
        # TODO: the layers of one ResNet-50 unit; keep `downsample` for the shortcut

    def forward(self, x):
        # TODO
        raise NotImplementedError
