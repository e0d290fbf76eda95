# expect: failed
# failing-check: forbidden
# feedback-contains: interpolate
import torch.nn.functional as F


def bilinear_resize(x, out_h, out_w):
    return F.interpolate(x, size=(out_h, out_w), mode="bilinear", align_corners=False)
