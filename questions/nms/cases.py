import torch


def _clustered_boxes(n: int, seed: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Boxes jittered around a few centres, so that many pairs overlap; distinct scores."""
    g = torch.Generator().manual_seed(seed)
    centres = torch.rand(3, 2, generator=g) * 40.0
    which = torch.randint(0, 3, (n,), generator=g)
    c = centres[which] + torch.randn(n, 2, generator=g) * 3.0
    half = torch.rand(n, 2, generator=g) * 6.0 + 4.0
    boxes = torch.cat([c - half, c + half], dim=1)
    scores = (torch.randperm(n, generator=g).float() + 1.0) / (n + 1.0)
    return boxes, scores


def cases() -> list[dict]:
    boxes_a, scores_a = _clustered_boxes(12, 0)
    boxes_b, scores_b = _clustered_boxes(20, 1)
    return [
        {
            "name": "clustered",
            "args": {"boxes": boxes_a, "scores": scores_a, "iou_threshold": 0.5},
        },
        {
            # IoU(box 0, box 1) == 0.5 exactly (8 / 16): with a strict '>' box 0 is kept
            "name": "iou-equals-threshold",
            "args": {
                "boxes": torch.tensor(
                    [[0.0, 0.0, 4.0, 4.0], [0.0, 0.0, 4.0, 2.0], [10.0, 10.0, 12.0, 12.0]]
                ),
                "scores": torch.tensor([0.6, 0.9, 0.7]),
                "iou_threshold": 0.5,
            },
        },
        {
            # A overlaps B, B overlaps C, A and C are disjoint; B is suppressed by A, so C stays
            "name": "chain",
            "args": {
                "boxes": torch.tensor(
                    [[0.0, 0.0, 10.0, 10.0], [5.0, 0.0, 15.0, 10.0], [8.0, 0.0, 18.0, 10.0]]
                ),
                "scores": torch.tensor([0.9, 0.8, 0.7]),
                "iou_threshold": 0.3,
            },
        },
        {
            "name": "all-suppressed",
            "args": {
                "boxes": torch.tensor(
                    [
                        [0.0, 0.0, 10.0, 10.0],
                        [0.5, 0.0, 10.5, 10.0],
                        [0.0, 0.5, 10.0, 10.5],
                        [0.5, 0.5, 10.5, 10.5],
                    ]
                ),
                "scores": torch.tensor([0.3, 0.8, 0.5, 0.6]),
                "iou_threshold": 0.5,
            },
        },
        {
            "name": "none-suppressed",
            "args": {
                "boxes": torch.tensor(
                    [
                        [0.0, 0.0, 5.0, 5.0],
                        [10.0, 0.0, 15.0, 5.0],
                        [0.0, 10.0, 5.0, 15.0],
                        [10.0, 10.0, 15.0, 15.0],
                    ]
                ),
                "scores": torch.tensor([0.2, 0.9, 0.4, 0.7]),
                "iou_threshold": 0.5,
            },
        },
        {
            "name": "empty",
            "args": {"boxes": torch.zeros(0, 4), "scores": torch.zeros(0), "iou_threshold": 0.5},
        },
        {
            "name": "many-boxes-low-threshold",
            "args": {"boxes": boxes_b, "scores": scores_b, "iou_threshold": 0.2},
        },
    ]
