import numpy as np

# rows are y (growing downwards), columns are x (growing to the right)
KX = np.array([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]])
KY = KX.T  # [[-1, -2, -1], [0, 0, 0], [1, 2, 1]]


def sobel(image):
    h, w = image.shape
    p = np.pad(image.astype(np.float64), 1)  # zero padding, "same" output size
    gx = np.zeros((h, w))
    gy = np.zeros((h, w))
    # cross-correlation: out[i, j] = sum_{u, v} K[u, v] * p[i + u, j + v] (no kernel flip)
    for u in range(3):
        for v in range(3):
            window = p[u : u + h, v : v + w]
            gx += KX[u, v] * window
            gy += KY[u, v] * window
    magnitude = np.sqrt(gx**2 + gy**2)
    direction = np.arctan2(gy, gx)  # radians in [-pi, pi], measured from +x towards +y (down)
    return magnitude, direction
