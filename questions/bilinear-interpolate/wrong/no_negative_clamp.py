# expect: failed
# failing-check: values
# feedback-contains: upsample
import torch


def _axis(in_size, out_size):
    # forgot src.clamp(min=0); .long() truncates toward zero, so src = -0.25 gives i0 = 0 and a
    # weight of -0.25 on the next pixel: extrapolation at the border instead of copying pixel 0
    src = (torch.arange(out_size, dtype=torch.float32) + 0.5) * in_size / out_size - 0.5
    i0 = src.long().clamp(max=in_size - 1)
    i1 = (i0 + 1).clamp(max=in_size - 1)
    w1 = src - i0
    return i0, i1, 1.0 - w1, w1


def bilinear_resize(x, out_h, out_w):
    _, _, h, w = x.shape
    y0, y1, wy0, wy1 = _axis(h, out_h)
    x0, x1, wx0, wx1 = _axis(w, out_w)
    rows = x[:, :, y0, :] * wy0[:, None] + x[:, :, y1, :] * wy1[:, None]
    return rows[..., x0] * wx0 + rows[..., x1] * wx1
