import torch
import torch.nn.functional as F  # noqa: F401  (F.unfold is allowed)


def conv2d(
    x: torch.Tensor,
    weight: torch.Tensor,
    bias: torch.Tensor | None = None,
    stride: int = 1,
    padding: int = 0,
) -> torch.Tensor:
    """2-D convolution (cross-correlation) via im2col + matmul, same as F.conv2d.

    x: [N, C_in, H, W]; weight: [C_out, C_in, kH, kW]; bias: [C_out] or None.
    Returns [N, C_out, H_out, W_out] with H_out = (H + 2 * padding - kH) // stride + 1.
    """
    # TODO: columns [N, C_in*kH*kW, L], weight as [C_out, C_in*kH*kW], matmul, bias, reshape.
    raise NotImplementedError
