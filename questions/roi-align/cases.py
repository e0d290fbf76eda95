import torch


def _features(c: int, h: int, w: int, seed: int) -> torch.Tensor:
    g = torch.Generator().manual_seed(seed)
    return torch.randn(c, h, w, generator=g)


def cases() -> list[dict]:
    return [
        {
            "name": "inside-boxes",
            "args": {
                "features": _features(2, 8, 8, 0),
                "boxes": torch.tensor(
                    [[1.0, 1.5, 6.0, 5.0], [0.3, 2.2, 3.7, 7.4], [2.0, 2.0, 4.0, 4.0]]
                ),
                "output_size": [2, 2],
                "spatial_scale": 1.0,
                "sampling_ratio": 2,
            },
        },
        {
            # boxes in image coordinates on a stride-2 feature map, non-square output
            "name": "spatial-scale-half",
            "args": {
                "features": _features(3, 6, 7, 1),
                "boxes": torch.tensor(
                    [[2.0, 1.0, 12.0, 10.0], [0.0, 0.0, 13.5, 11.0], [5.2, 3.3, 8.9, 6.1]]
                ),
                "output_size": [3, 2],
                "spatial_scale": 0.5,
                "sampling_ratio": 2,
            },
        },
        {
            # samples below -1 or above H (W) give 0; samples in (H - 1, H] take the last row
            "name": "box-past-border",
            "args": {
                "features": _features(1, 6, 6, 2),
                "boxes": torch.tensor([[-5.0, -4.0, 3.0, 4.0], [3.0, 2.0, 9.5, 8.5]]),
                "output_size": [2, 2],
                "spatial_scale": 1.0,
                "sampling_ratio": 2,
            },
        },
        {
            "name": "sampling-ratio-1",
            "args": {
                "features": _features(2, 5, 5, 3),
                "boxes": torch.tensor([[0.5, 0.5, 4.5, 3.5], [1.2, 0.1, 2.9, 4.8]]),
                "output_size": [3, 3],
                "spatial_scale": 1.0,
                "sampling_ratio": 1,
            },
        },
        {
            # a zero-width box (every sample on one column) and a box smaller than a pixel
            "name": "degenerate-boxes",
            "args": {
                "features": _features(2, 5, 6, 4),
                "boxes": torch.tensor([[2.0, 1.0, 2.0, 4.0], [3.1, 2.2, 3.4, 2.6]]),
                "output_size": [2, 2],
                "spatial_scale": 1.0,
                "sampling_ratio": 2,
            },
        },
        {
            "name": "sampling-ratio-3-single-bin",
            "args": {
                "features": _features(1, 7, 7, 5),
                "boxes": torch.tensor([[0.0, 0.0, 7.0, 7.0], [1.5, 2.5, 5.5, 4.0]]),
                "output_size": [1, 1],
                "spatial_scale": 1.0,
                "sampling_ratio": 3,
            },
        },
        {
            "name": "no-boxes",
            "args": {
                "features": _features(2, 4, 4, 6),
                "boxes": torch.zeros(0, 4),
                "output_size": [2, 3],
                "spatial_scale": 1.0,
                "sampling_ratio": 2,
            },
        },
    ]
