import torch
from torch import nn


class Bottleneck(nn.Module):
    expansion = 4

    def __init__(self, inplanes, planes, stride=1, downsample=None):
        super().__init__()
        # TODO: 1x1 (reduce) -> 3x3 (stride here) -> 1x1 (expand to planes * expansion),
        #       each followed by BatchNorm; keep `downsample` for the shortcut

    def forward(self, x):
        # TODO
        raise NotImplementedError
