import torch


def _interp_matrix(coords: torch.Tensor, size: int) -> torch.Tensor:
    """[K, P] sample coordinates -> [K, P, size] linear-interpolation weights along one axis.

    Follows torchvision's CPU kernel: a sample outside [-1, size] contributes 0; otherwise it is
    clamped to >= 0, and at or past the last pixel it takes the last pixel's value.
    """
    valid = (coords >= -1.0) & (coords <= size)
    c = coords.clamp(min=0)
    low = c.floor().long().clamp(max=size - 1)
    high = (low + 1).clamp(max=size - 1)
    frac = (c - low).clamp(max=1.0)  # weight of `high`; irrelevant when low == high
    w = torch.zeros(*coords.shape, size, dtype=coords.dtype)
    w.scatter_add_(-1, low[..., None], (1 - frac)[..., None])
    w.scatter_add_(-1, high[..., None], frac[..., None])
    return w * valid[..., None]


def roi_align(features, boxes, output_size, spatial_scale, sampling_ratio):
    c, h, w = features.shape
    oh, ow = output_size
    s = sampling_ratio
    b = boxes * spatial_scale - 0.5  # aligned=True: pixel centres sit at integer + 0.5
    x1, y1, x2, y2 = b.unbind(dim=1)  # each [K]
    bin_h = (y2 - y1) / oh
    bin_w = (x2 - x1) / ow
    # sample j of bin p sits at (p + (j + 0.5) / s) bins from the box start
    grid_h = (torch.arange(oh)[:, None] + (torch.arange(s)[None, :] + 0.5) / s).reshape(-1)
    grid_w = (torch.arange(ow)[:, None] + (torch.arange(s)[None, :] + 0.5) / s).reshape(-1)
    ys = y1[:, None] + grid_h[None, :] * bin_h[:, None]  # [K, oh * s]
    xs = x1[:, None] + grid_w[None, :] * bin_w[:, None]  # [K, ow * s]
    wy = _interp_matrix(ys, h)  # [K, oh * s, H]
    wx = _interp_matrix(xs, w)  # [K, ow * s, W]
    # bilinear = separable: value(y, x) = sum_ij wy[y, i] * f[i, j] * wx[x, j]
    samples = torch.einsum("kyh,chw,kxw->kcyx", wy, features, wx)  # [K, C, oh*s, ow*s]
    k = boxes.shape[0]
    return samples.reshape(k, c, oh, s, ow, s).mean(dim=(3, 5))  # average the s x s samples
