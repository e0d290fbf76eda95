import numpy as np


def _clustered_boxes(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Boxes jittered around a few centres, so that many pairs overlap; distinct scores."""
    rng = np.random.default_rng(seed)
    centres = rng.random((3, 2)) * 40.0
    which = rng.integers(0, 3, n)
    c = centres[which] + rng.normal(size=(n, 2)) * 3.0
    half = rng.random((n, 2)) * 6.0 + 4.0
    boxes = np.concatenate([c - half, c + half], axis=1).astype(np.float32)
    scores = ((rng.permutation(n) + 1.0) / (n + 1.0)).astype(np.float32)
    return boxes, scores


def _f32(rows: list) -> np.ndarray:
    return np.array(rows, dtype=np.float32)


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
                "boxes": _f32([[0, 0, 4, 4], [0, 0, 4, 2], [10, 10, 12, 12]]),
                "scores": _f32([0.6, 0.9, 0.7]),
                "iou_threshold": 0.5,
            },
        },
        {
            # IoU(A, B) = 1/3 and IoU(B, C) = 7/13 exceed 0.3, IoU(A, C) = 1/9 does not:
            # A suppresses B, and B (suppressed) must not suppress C, so C stays
            "name": "chain",
            "args": {
                "boxes": _f32([[0, 0, 10, 10], [5, 0, 15, 10], [8, 0, 18, 10]]),
                "scores": _f32([0.9, 0.8, 0.7]),
                "iou_threshold": 0.3,
            },
        },
        {
            "name": "all-suppressed",
            "args": {
                "boxes": _f32(
                    [[0, 0, 10, 10], [0.5, 0, 10.5, 10], [0, 0.5, 10, 10.5], [0.5, 0.5, 10.5, 10.5]]
                ),
                "scores": _f32([0.3, 0.8, 0.5, 0.6]),
                "iou_threshold": 0.5,
            },
        },
        {
            # no overlaps: everything is kept, in decreasing score order (not index order)
            "name": "none-suppressed",
            "args": {
                "boxes": _f32([[0, 0, 5, 5], [10, 0, 15, 5], [0, 10, 5, 15], [10, 10, 15, 15]]),
                "scores": _f32([0.2, 0.9, 0.4, 0.7]),
                "iou_threshold": 0.5,
            },
        },
        {
            "name": "empty",
            "args": {
                "boxes": np.zeros((0, 4), dtype=np.float32),
                "scores": np.zeros(0, dtype=np.float32),
                "iou_threshold": 0.5,
            },
        },
        {
            "name": "many-boxes-low-threshold",
            "args": {"boxes": boxes_b, "scores": scores_b, "iou_threshold": 0.2},
        },
    ]
