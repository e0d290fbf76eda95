# expect: passed
# F.relu instead of nn.ReLU modules; no imports (torch, nn, F are provided).
class BasicBlock(nn.Module):
    expansion = 1

    def __init__(self, inplanes, planes, stride=1, downsample=None):
        super().__init__()
        self.c1 = nn.Conv2d(inplanes, planes, 3, stride=stride, padding=1, bias=False)
        self.n1 = nn.BatchNorm2d(planes)
        self.c2 = nn.Conv2d(planes, planes, 3, padding=1, bias=False)
        self.n2 = nn.BatchNorm2d(planes)
        self.downsample = downsample

    def forward(self, x):
        out = F.relu(self.n1(self.c1(x)))
        out = self.n2(self.c2(out))
        shortcut = x if self.downsample is None else self.downsample(x)
        return F.relu(out + shortcut)
