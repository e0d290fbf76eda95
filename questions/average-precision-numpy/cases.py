import numpy as np


def cases() -> list[dict]:
    rng = np.random.default_rng(0)
    scores_r = rng.random(12)
    tp_r = rng.random(12) < 0.6

    scores_u = rng.permutation(np.linspace(0.05, 0.95, 16))  # unsorted input
    tp_u = rng.random(16) < 0.5

    return [
        {"name": "random-detections",
         "args": {"scores": scores_r, "is_tp": tp_r, "num_gt": 10}},
        {
            # the two detections scored 0.8 keep their input order: FP first, then TP
            "name": "tied-scores-keep-input-order",
            "args": {"scores": np.array([0.9, 0.8, 0.8, 0.7]),
                     "is_tp": np.array([True, False, True, False]), "num_gt": 3},
        },
        {
            # precision rises again after two false positives: the envelope matters
            "name": "needs-precision-envelope",
            "args": {"scores": np.array([0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65]),
                     "is_tp": np.array([True, False, False, True, True, False, True]),
                     "num_gt": 5},
        },
        {"name": "unsorted-input", "args": {"scores": scores_u, "is_tp": tp_u, "num_gt": 9}},
        {
            # every ground-truth object found, no false positive: AP = 1
            "name": "all-true-positives",
            "args": {"scores": np.array([0.3, 0.9, 0.6, 0.5]), "is_tp": np.ones(4, dtype=bool),
                     "num_gt": 4},
        },
        {
            # perfect precision but only 4 of 8 objects found: AP = 0.5
            "name": "half-the-objects-missed",
            "args": {"scores": np.array([0.9, 0.8, 0.7, 0.6]), "is_tp": np.ones(4, dtype=bool),
                     "num_gt": 8},
        },
        {"name": "no-detections",
         "args": {"scores": np.zeros(0), "is_tp": np.zeros(0, dtype=bool), "num_gt": 3}},
        {"name": "no-ground-truth",
         "args": {"scores": np.array([0.8, 0.4]), "is_tp": np.zeros(2, dtype=bool), "num_gt": 0}},
    ]
