import torch
from torch import nn


class BasicBlock(nn.Module):
    expansion = 1

    def __init__(self, inplanes, planes, stride=1, downsample=None):
        super().__init__()
        # TODO: two 3x3 convs, each followed by BatchNorm; keep `downsample` for the shortcut

    def forward(self, x):
        # TODO: conv -> bn -> relu -> conv -> bn, add the shortcut, relu
        raise NotImplementedError
