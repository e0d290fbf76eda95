# expect: failed
# failing-check: memory
# hostile: yes
# Asks for a 40 GB tensor: the sandbox's memory limit turns it into a clean failure.
import torch
from torch import nn

waste = torch.ones(10_000_000_000)


class BasicBlock(nn.Module):
    pass
