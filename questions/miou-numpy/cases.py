import numpy as np


def _noisy_labels(rng: np.random.Generator, target: np.ndarray, num_classes: int,
                  flip: float) -> np.ndarray:
    """A prediction that equals target except on a random `flip` fraction of the pixels."""
    pred = target.copy()
    wrong = rng.random(target.shape) < flip
    pred[wrong] = rng.integers(0, num_classes, int(wrong.sum()))
    return pred


def cases() -> list[dict]:
    rng = np.random.default_rng(0)

    target_a = rng.integers(0, 3, (6, 7))
    pred_a = _noisy_labels(rng, target_a, 3, 0.4)

    target_b = rng.integers(0, 4, (8, 8))
    pred_b = _noisy_labels(rng, target_b, 4, 0.3)
    target_b[rng.random((8, 8)) < 0.25] = 255  # void pixels, whatever was predicted there

    # 5 classes: 3 appears nowhere (nan, excluded), 4 only in pred and 2 only in target (IoU 0)
    target_c = np.array([[0, 0, 1, 1, 2], [0, 0, 1, 1, 2], [0, 1, 1, 2, 2]])
    pred_c = np.array([[0, 0, 1, 1, 1], [0, 4, 1, 1, 0], [0, 1, 4, 4, 1]])

    # prediction perfect where it counts; the ignored pixels carry a class (3) that appears
    # nowhere else: counting them would add a false positive class
    target_d = np.array([[0, 0, 1, 255], [2, 2, 1, 255], [2, 2, 1, 1]])
    pred_d = np.array([[0, 0, 1, 3], [2, 2, 1, 3], [2, 2, 1, 1]])

    target_e = rng.integers(0, 3, (2, 4, 5))
    pred_e = _noisy_labels(rng, target_e, 3, 0.5)
    target_e[rng.random((2, 4, 5)) < 0.2] = -1

    return [
        {"name": "random-3-classes",
         "args": {"pred": pred_a, "target": target_a, "num_classes": 3, "ignore_index": 255}},
        {"name": "ignore-255",
         "args": {"pred": pred_b, "target": target_b, "num_classes": 4, "ignore_index": 255}},
        {"name": "absent-classes",
         "args": {"pred": pred_c, "target": target_c, "num_classes": 5, "ignore_index": 255}},
        {"name": "prediction-only-in-ignored-pixels",
         "args": {"pred": pred_d, "target": target_d, "num_classes": 4, "ignore_index": 255}},
        {"name": "batch-3d-ignore-minus-1",
         "args": {"pred": pred_e, "target": target_e, "num_classes": 3, "ignore_index": -1}},
        {"name": "all-pixels-ignored",
         "args": {"pred": np.array([[0, 1], [2, 1]]), "target": np.full((2, 2), 255),
                  "num_classes": 3, "ignore_index": 255}},
    ]
