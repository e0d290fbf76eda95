import torch


def conv_transpose2d(x: torch.Tensor, weight: torch.Tensor, stride: int, padding: int) -> torch.Tensor:
    n, c_in, h, w = x.shape
    _, c_out, k, _ = weight.shape
    s, p = stride, padding
    full_h, full_w = (h - 1) * s + k, (w - 1) * s + k  # before cropping the padding
    out = x.new_zeros(n, c_out, full_h, full_w)
    for i in range(k):
        for j in range(k):
            # input pixel (a, b) times tap (i, j) lands on output pixel (a * s + i, b * s + j)
            contrib = torch.einsum("nchw,co->nohw", x, weight[:, :, i, j])
            out[:, :, i : i + (h - 1) * s + 1 : s, j : j + (w - 1) * s + 1 : s] += contrib
    return out[:, :, p : full_h - p, p : full_w - p]  # padding removes p rows/cols per side
