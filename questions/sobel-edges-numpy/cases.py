import numpy as np

# Every case adds a little noise, so that no gradient component is exactly 0: the direction
# arctan2(gy, gx) then never sits on the +pi / -pi seam, where the sign of a zero would decide.


def _noise(rng: np.random.Generator, shape: tuple[int, int], scale: float = 0.01) -> np.ndarray:
    return rng.random(shape) * scale


def cases() -> list[dict]:
    rng = np.random.default_rng(0)
    ys, xs = np.mgrid[0:6, 0:7]
    vertical_edge = np.where(xs >= 3, 0.9, 0.1) + _noise(rng, (6, 7))  # brighter to the right
    horizontal_edge = np.where(ys >= 3, 0.8, 0.2) + _noise(rng, (6, 7))  # brighter downwards
    ramp = 0.1 * xs + 0.05 * ys + _noise(rng, (6, 7))
    impulse = _noise(rng, (5, 5))
    impulse[2, 3] += 1.0  # a single bright pixel, off-centre in x: shows any kernel flip
    return [
        {"name": "random-square", "args": {"image": rng.random((6, 6))}},
        {"name": "random-non-square", "args": {"image": rng.random((4, 8))}},
        {"name": "vertical-edge", "args": {"image": vertical_edge}},
        {"name": "horizontal-edge", "args": {"image": horizontal_edge}},
        {"name": "diagonal-ramp", "args": {"image": ramp}},
        {"name": "single-bright-pixel", "args": {"image": impulse}},
        {"name": "tiny-2x3", "args": {"image": rng.random((2, 3))}},
    ]
