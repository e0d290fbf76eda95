import torch


def conv_transpose2d(x: torch.Tensor, weight: torch.Tensor, stride: int, padding: int) -> torch.Tensor:
    """Transposed 2-D convolution, like F.conv_transpose2d(x, weight, stride=stride, padding=padding).

    x: [N, C_in, H, W] float32; weight: [C_in, C_out, k, k] float32 (no bias, groups=1,
    dilation=1, output_padding=0). Returns [N, C_out, (H-1)*stride - 2*padding + k, ...].
    """
    # TODO: every input pixel adds x * weight into a k x k window of the output, windows placed
    # `stride` apart; then crop `padding` from each border.
    raise NotImplementedError
