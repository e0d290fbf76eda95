# expect: failed
# failing-check: values
# feedback-contains: second conv (conv2) takes the block input x
# feedback-contains: relu(bn1)
# mistake: the second conv is applied to the block input x instead of out, the ReLU of bn1's output, so conv1 and bn1 have no effect on the result; conv2 must take out.
# mistake-zh: 第二个卷积的输入是块的输入 x，而不是 out（bn1 输出经 ReLU 的结果），conv1 和 bn1 对结果毫无作用；conv2 的输入应为 out。
# The seed slip: the second conv is applied to the block input instead of `out`.
import torch
from torch import nn


class BasicBlock(nn.Module):
    expansion = 1

    def __init__(self, inplanes, planes, stride=1, downsample=None):
        super().__init__()
        self.conv1 = nn.Conv2d(inplanes, planes, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.relu = nn.ReLU(inplace=True)
        self.conv2 = nn.Conv2d(planes, planes, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.downsample = downsample

    def forward(self, x):
        identity = x
        out = self.conv1(x)
        out = self.bn1(out)
        out = self.relu(out)
        out = self.conv2(x)
        out = self.bn2(out)
        if self.downsample is not None:
            identity = self.downsample(x)
        out += identity
        return self.relu(out)
