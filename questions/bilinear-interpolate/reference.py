import torch


def _source_index(in_size: int, out_size: int) -> tuple[torch.Tensor, ...]:
    """Lower / upper neighbour indices and their weights along one axis."""
    scale = in_size / out_size
    src = (torch.arange(out_size, dtype=torch.float32) + 0.5) * scale - 0.5
    src = src.clamp(min=0.0)  # half-pixel centres can map before the first pixel
    i0 = src.floor().long().clamp(max=in_size - 1)
    i1 = (i0 + 1).clamp(max=in_size - 1)  # at the last pixel both neighbours coincide
    w1 = src - i0
    w0 = 1.0 - w1
    return i0, i1, w0, w1


def bilinear_resize(x: torch.Tensor, out_h: int, out_w: int) -> torch.Tensor:
    _, _, h, w = x.shape
    y0, y1, wy0, wy1 = _source_index(h, out_h)
    x0, x1, wx0, wx1 = _source_index(w, out_w)
    wy0, wy1 = wy0.to(x.dtype)[:, None], wy1.to(x.dtype)[:, None]
    wx0, wx1 = wx0.to(x.dtype), wx1.to(x.dtype)

    rows = x[:, :, y0, :] * wy0 + x[:, :, y1, :] * wy1  # [N, C, out_h, W]
    return rows[..., x0] * wx0 + rows[..., x1] * wx1  # [N, C, out_h, out_w]
