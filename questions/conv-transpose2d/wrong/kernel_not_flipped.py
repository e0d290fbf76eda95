# expect: failed
# failing-check: values
# mistake: in the zero-insertion view (insert stride - 1 zeros, pad by k - 1 - padding, then correlate) the kernel must be flipped 180 degrees and its in/out channels swapped; correlating with the unflipped kernel is wrong.
# mistake-zh: 用“插零”视角实现（插入 stride - 1 个零、补 k - 1 - padding 圈、再做互相关）时，卷积核必须旋转 180 度并交换输入 / 输出通道；直接用未翻转的核做互相关是错的。
import torch
import torch.nn.functional as F


def conv_transpose2d(x, weight, stride, padding):
    n, c_in, h, w = x.shape
    _, c_out, k, _ = weight.shape
    s, p = stride, padding
    up = x.new_zeros(n, c_in, (h - 1) * s + 1, (w - 1) * s + 1)
    up[:, :, ::s, ::s] = x  # insert s - 1 zeros between pixels
    up = F.pad(up, (k - 1 - p,) * 4)
    cols = F.unfold(up, k)  # [N, C_in * k * k, L]
    w2 = weight.transpose(0, 1).reshape(c_out, -1)  # channels swapped, kernel NOT flipped
    out = w2 @ cols
    h_out, w_out = (h - 1) * s - 2 * p + k, (w - 1) * s - 2 * p + k
    return out.reshape(n, c_out, h_out, w_out)
