# expect: failed
# failing-check: shape
# mistake: the stride is applied to the kernel offset (output row a + i * stride) instead of to the input position (output row a * stride + i); input pixels are spread stride apart, the kernel taps stay adjacent.
# mistake-zh: 把 stride 乘在了卷积核偏移上（输出行 a + i * stride），应乘在输入位置上（输出行 a * stride + i）；是输入像素之间隔开 stride，卷积核的各个抽头仍然相邻。
import torch


def conv_transpose2d(x, weight, stride, padding):
    n, c_in, h, w = x.shape
    _, c_out, k, _ = weight.shape
    s, p = stride, padding
    full_h, full_w = h + (k - 1) * s, w + (k - 1) * s
    out = x.new_zeros(n, c_out, full_h, full_w)
    for i in range(k):
        for j in range(k):
            contrib = torch.einsum("nchw,co->nohw", x, weight[:, :, i, j])
            out[:, :, i * s : i * s + h, j * s : j * s + w] += contrib  # stride on the tap
    return out[:, :, p : full_h - p, p : full_w - p]
