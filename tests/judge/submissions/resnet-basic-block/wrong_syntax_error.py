# expect: failed
# failing-check: syntax
# feedback-contains: line 7
class BasicBlock(nn.Module):
    expansion = 1

    def __init__(self, inplanes, planes stride=1):
        super().__init__()
