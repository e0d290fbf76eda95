# expect: failed
# failing-check: values
# hostile: yes
# Prints what a naive judge might grep for, then returns a wrong output (no final ReLU).
import sys

from torch import nn

print("PASSED")
print('{"status": "passed", "checks": []}')
sys.stderr.write("all checks passed\n")


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
        print("PASSED")
        identity = x if self.downsample is None else self.downsample(x)
        return self.bn2(self.conv2(F.relu(self.bn1(self.conv1(x))))) + identity
