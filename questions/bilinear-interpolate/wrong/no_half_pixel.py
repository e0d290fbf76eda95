# expect: failed
# failing-check: values
# mistake: the source coordinate is d * in / out, without the half-pixel offset, so the result is shifted by half an input pixel; with half-pixel centres it is s = (d + 0.5) * in / out - 0.5, clamped at 0.
# mistake-zh: 源坐标写成了 d * in / out，没有半像素偏移，结果整体偏了半个输入像素；按半像素中心应为 s = (d + 0.5) * in / out - 0.5，并在 0 处截断。
import torch


def _axis(in_size, out_size):
    # src = dst * scale: ignores the half-pixel centre offset
    src = torch.arange(out_size, dtype=torch.float32) * in_size / out_size
    i0 = src.floor().long().clamp(max=in_size - 1)
    i1 = (i0 + 1).clamp(max=in_size - 1)
    w1 = src - i0
    return i0, i1, 1.0 - w1, w1


def bilinear_resize(x, out_h, out_w):
    _, _, h, w = x.shape
    y0, y1, wy0, wy1 = _axis(h, out_h)
    x0, x1, wx0, wx1 = _axis(w, out_w)
    rows = x[:, :, y0, :] * wy0[:, None] + x[:, :, y1, :] * wy1[:, None]
    return rows[..., x0] * wx0 + rows[..., x1] * wx1
