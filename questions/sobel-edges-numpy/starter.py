import numpy as np


def sobel(image):
    """Sobel gradient magnitude and direction of a 2-D float image (rows are y, columns are x).

    Gx uses [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], Gy its transpose, applied as cross-correlation
    (no kernel flip) with zero padding of 1. Returns (magnitude, direction), both [H, W]:
    magnitude = sqrt(Gx**2 + Gy**2), direction = arctan2(Gy, Gx).
    """
    # TODO: zero-pad by 1, sum the 9 shifted windows weighted by the kernel entries.
    raise NotImplementedError
