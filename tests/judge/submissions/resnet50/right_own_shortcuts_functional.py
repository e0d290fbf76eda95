# expect: passed
# Bottlenecks that build their own shortcut, F.relu everywhere, stages in a ModuleList.
import torch
from torch import nn


class Block(nn.Module):
    def __init__(self, cin, planes, stride):
        super().__init__()
        cout = planes * 4
        self.a = nn.Conv2d(cin, planes, 1, bias=False)
        self.na = nn.BatchNorm2d(planes)
        self.b = nn.Conv2d(planes, planes, 3, stride, 1, bias=False)
        self.nb = nn.BatchNorm2d(planes)
        self.c = nn.Conv2d(planes, cout, 1, bias=False)
        self.nc = nn.BatchNorm2d(cout)
        self.skip = None
        if stride != 1 or cin != cout:
            self.skip = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        s = x if self.skip is None else self.skip(x)
        y = F.relu(self.na(self.a(x)))
        y = F.relu(self.nb(self.b(y)))
        return F.relu(self.nc(self.c(y)) + s)


class ResNet50(nn.Module):
    def __init__(self, num_classes=1000):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(3, 64, 7, 2, 3, bias=False), nn.BatchNorm2d(64),
                                  nn.ReLU(), nn.MaxPool2d(3, 2, 1))
        blocks, cin = [], 64
        for planes, n, stride in [(64, 3, 1), (128, 4, 2), (256, 6, 2), (512, 3, 2)]:
            for i in range(n):
                blocks.append(Block(cin, planes, stride if i == 0 else 1))
                cin = planes * 4
        self.blocks = nn.ModuleList(blocks)
        self.head = nn.Linear(2048, num_classes)

    def forward(self, x):
        x = self.stem(x)
        for block in self.blocks:
            x = block(x)
        return self.head(x.mean(dim=(2, 3)))
