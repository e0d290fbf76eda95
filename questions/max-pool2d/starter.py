import torch
import torch.nn.functional as F


def max_pool2d(x: torch.Tensor, kernel_size: int, stride: int, padding: int) -> torch.Tensor:
    """2-D max pooling like F.max_pool2d(x, kernel_size, stride, padding) (ceil_mode=False).

    x: [N, C, H, W] float32. Padding counts as -inf. Returns [N, C, H_out, W_out] with
    H_out = floor((H + 2 * padding - kernel_size) / stride) + 1.
    """
    # TODO: pad with -inf, take every k x k window `stride` apart, reduce with max.
    raise NotImplementedError
