# expect: failed
# failing-check: shape
# mistake: the output size is computed as (H + 2p - kH) // s without the + 1, so the last row and column of windows are dropped; H_out = floor((H + 2p - kH) / s) + 1, and the same for W.
# mistake-zh: 输出尺寸算成了 (H + 2p - kH) // s，少了 + 1，最后一行和一列窗口被丢掉了；应为 H_out = floor((H + 2p - kH) / s) + 1，W 同理。
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
