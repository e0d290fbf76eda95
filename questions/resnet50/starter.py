import torch
from torch import nn


class Bottleneck(nn.Module):
    expansion = 4

    def __init__(self, inplanes, planes, stride=1, downsample=None):
        super().__init__()
        # TODO: 1x1 -> 3x3 (stride) -> 1x1 (planes * 4), BatchNorm after each

    def forward(self, x):
        raise NotImplementedError


class ResNet50(nn.Module):
    def __init__(self, num_classes=1000):
        super().__init__()
        # TODO: stem (7x7 conv, BN, ReLU, max-pool), 4 stages of [3, 4, 6, 3] Bottlenecks
        #       with 64/128/256/512 planes, global average pool, fully connected layer

    def forward(self, x):
        raise NotImplementedError
