import torch


def _inputs(n: int, c_in: int, c_out: int, h: int, w: int, k: int, seed: int):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(n, c_in, h, w, generator=g)
    weight = torch.randn(c_in, c_out, k, k, generator=g)
    return x, weight


def cases() -> list[dict]:
    def case(name, n, c_in, c_out, h, w, k, stride, padding, seed):
        x, weight = _inputs(n, c_in, c_out, h, w, k, seed)
        return {"name": name,
                "args": {"x": x, "weight": weight, "stride": stride, "padding": padding}}

    one_pixel = torch.tensor([[[[2.0]], [[-1.0]]]])  # [1, 2, 1, 1]
    g = torch.Generator().manual_seed(9)
    return [
        case("stride-1", 1, 2, 2, 4, 4, 3, 1, 0, 0),
        case("stride-2-overlap", 2, 3, 2, 3, 5, 3, 2, 0, 1),
        # k=4, s=2, p=1: the exact 2x upsampling of DCGAN / U-Net decoders
        case("upsample-2x-k4-p1", 1, 2, 3, 4, 4, 4, 2, 1, 2),
        # stride larger than the kernel: the output has rows and columns of zeros
        case("stride-3-gaps", 1, 2, 3, 3, 3, 2, 3, 0, 3),
        # k=3, s=1, p=1: the transpose of a 'same' convolution keeps the size
        case("same-size-p1", 2, 3, 2, 5, 4, 3, 1, 1, 4),
        {
            # a single input pixel: the output is the kernel itself, not flipped
            "name": "single-pixel",
            "args": {"x": one_pixel, "weight": torch.randn(2, 3, 3, 3, generator=g),
                     "stride": 2, "padding": 0},
        },
    ]
