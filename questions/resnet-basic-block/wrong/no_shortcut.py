# expect: failed
# failing-check: structure
# feedback-contains: 1x1 conv 8->16 (reference: downsample.0)
# mistake: the residual addition is missing, so the block is a plain conv-BN-ReLU-conv-BN stack; add the shortcut (x, or downsample(x) when it is given) to bn2's output before the final ReLU.
# mistake-zh: 漏了残差相加，这个块成了普通的 conv-BN-ReLU-conv-BN 堆叠；应在最后的 ReLU 之前把 shortcut（x，或给了 downsample 时的 downsample(x)）加到 bn2 的输出上。
# Forgets the residual addition: a plain two-conv stack.
import torch
from torch import nn


class BasicBlock(nn.Module):
    expansion = 1

    def __init__(self, inplanes, planes, stride=1, downsample=None):
        super().__init__()
        self.conv1 = nn.Conv2d(inplanes, planes, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.downsample = downsample

    def forward(self, x):
        out = torch.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return torch.relu(out)
