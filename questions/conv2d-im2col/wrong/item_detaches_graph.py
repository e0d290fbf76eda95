# expect: failed
# failing-check: grad
# mistake: the product is copied into a new tensor with .tolist() and torch.tensor, which cuts the autograd graph, so x and weight get no gradient; keep the whole computation in tensor operations (matmul, reshape).
# mistake-zh: 用 .tolist() 和 torch.tensor 把乘积复制成了新张量，切断了计算图，x 和 weight 得不到梯度；整个计算都应保持在张量运算里（matmul、reshape）。
import torch
import torch.nn.functional as F


def conv2d(x, weight, bias=None, stride=1, padding=0):
    n, c_in, h, w = x.shape
    c_out, _, kh, kw = weight.shape
    h_out = (h + 2 * padding - kh) // stride + 1
    w_out = (w + 2 * padding - kw) // stride + 1
    cols = F.unfold(x, (kh, kw), padding=padding, stride=stride)
    prod = weight.reshape(c_out, -1) @ cols
    # copies the numbers into a fresh tensor with .tolist(): values are right, the graph is gone
    out = torch.tensor(prod.tolist(), dtype=x.dtype).reshape(n, c_out, h_out, w_out)
    if bias is not None:
        out = out + bias[:, None, None]
    return out
