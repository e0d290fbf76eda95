# expect: failed
# failing-check: values
# feedback-contains: upsample
# mistake: the source coordinate is not clamped at 0, so when upsampling the first outputs get a negative s (e.g. -0.25) and the border is extrapolated with a negative weight; use s = max(0, s) before taking floor, so they copy pixel 0.
# mistake-zh: 源坐标没有在 0 处截断，上采样时开头几个输出的 s 为负（如 -0.25），边界处用负权重做了外插；取 floor 前应先 s = max(0, s)，让它们直接取第 0 个像素。
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
