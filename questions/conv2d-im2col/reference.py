import torch
import torch.nn.functional as F


def conv2d(
    x: torch.Tensor,
    weight: torch.Tensor,
    bias: torch.Tensor | None = None,
    stride: int = 1,
    padding: int = 0,
) -> torch.Tensor:
    n, _, h, w = x.shape
    c_out, c_in, kh, kw = weight.shape
    h_out = (h + 2 * padding - kh) // stride + 1
    w_out = (w + 2 * padding - kw) // stride + 1

    cols = F.unfold(x, (kh, kw), padding=padding, stride=stride)  # [N, C_in*kH*kW, L]
    out = weight.reshape(c_out, c_in * kh * kw) @ cols  # [N, C_out, L]
    if bias is not None:
        out = out + bias[:, None]
    return out.reshape(n, c_out, h_out, w_out)
