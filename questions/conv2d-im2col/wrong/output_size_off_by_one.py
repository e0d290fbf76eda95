# expect: failed
# failing-check: shape
import torch
import torch.nn.functional as F


def conv2d(x, weight, bias=None, stride=1, padding=0):
    n, c_in, h, w = x.shape
    c_out, _, kh, kw = weight.shape
    h_out = (h + 2 * padding - kh) // stride  # forgot the "+ 1"
    w_out = (w + 2 * padding - kw) // stride
    xp = F.pad(x, (padding, padding, padding, padding))
    patches = []
    for i in range(h_out):
        for j in range(w_out):
            patch = xp[:, :, i * stride:i * stride + kh, j * stride:j * stride + kw]
            patches.append(patch.reshape(n, -1))
    cols = torch.stack(patches, dim=2)  # [N, C_in*kH*kW, L]
    out = weight.reshape(c_out, -1) @ cols
    if bias is not None:
        out = out + bias[:, None]
    return out.reshape(n, c_out, h_out, w_out)
