# expect: timeout
# failing-check: timeout
# hostile: yes
# Never returns: the wall clock must stop it and say so.
from torch import nn


class BasicBlock(nn.Module):
    expansion = 1

    def __init__(self, inplanes, planes, stride=1, downsample=None):
        super().__init__()
        while True:
            pass
