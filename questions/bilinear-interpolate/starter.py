import torch


def bilinear_resize(x: torch.Tensor, out_h: int, out_w: int) -> torch.Tensor:
    """Bilinear resize of x [N, C, H, W] to [N, C, out_h, out_w].

    Same result as F.interpolate(x, size=(out_h, out_w), mode="bilinear", align_corners=False),
    which you may not call: half-pixel centres, negative source coordinates clamped to 0.
    """
    # TODO: source coordinates and weights along H and W, then gather and blend.
    raise NotImplementedError
