# expect: failed
# failing-check: shape
# mistake: the output sizes are swapped between the axes (the rows are sampled for out_w, the columns for out_h), giving [N, C, out_w, out_h]; the height H is resized to out_h and the width W to out_w.
# mistake-zh: 两个轴的输出尺寸弄反了（行按 out_w 采样，列按 out_h 采样），得到 [N, C, out_w, out_h]；高度 H 应缩放到 out_h，宽度 W 缩放到 out_w。
import torch


def _axis(in_size, out_size):
    src = ((torch.arange(out_size, dtype=torch.float32) + 0.5) * in_size / out_size - 0.5).clamp(min=0)
    i0 = src.floor().long().clamp(max=in_size - 1)
    i1 = (i0 + 1).clamp(max=in_size - 1)
    w1 = src - i0
    return i0, i1, 1.0 - w1, w1


def bilinear_resize(x, out_h, out_w):
    _, _, h, w = x.shape
    # mixed up which size goes with which axis
    y0, y1, wy0, wy1 = _axis(h, out_w)
    x0, x1, wx0, wx1 = _axis(w, out_h)
    rows = x[:, :, y0, :] * wy0[:, None] + x[:, :, y1, :] * wy1[:, None]
    return rows[..., x0] * wx0 + rows[..., x1] * wx1
