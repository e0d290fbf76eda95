# expect: failed
# failing-check: values
# mistake: the source coordinates use the align_corners=True mapping s = d * (in - 1) / (out - 1), which aligns the corner pixel centres; with align_corners=False it is s = (d + 0.5) * in / out - 0.5, clamped at 0.
# mistake-zh: 源坐标用了 align_corners=True 的映射 s = d * (in - 1) / (out - 1)，让四角的像素中心对齐；align_corners=False 时应为 s = (d + 0.5) * in / out - 0.5，并在 0 处截断。
import torch


def _axis(in_size, out_size):
    # align_corners=True mapping: first and last pixel centres coincide
    if out_size > 1:
        src = torch.arange(out_size, dtype=torch.float32) * (in_size - 1) / (out_size - 1)
    else:
        src = torch.zeros(1)
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
