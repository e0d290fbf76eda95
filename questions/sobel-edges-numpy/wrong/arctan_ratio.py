# expect: failed
# failing-check: values
# mistake: the direction is np.arctan(gy / gx), which loses the quadrant (range -pi/2 to pi/2) and divides by zero; use np.arctan2(gy, gx), range -pi to pi
# mistake-zh: 方向用了 np.arctan(gy / gx)，丢失了象限信息（值域只有 -pi/2 到 pi/2），还可能除以零；应当用 np.arctan2(gy, gx)，值域 -pi 到 pi
import numpy as np

KX = np.array([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]])
KY = KX.T


def sobel(image):
    h, w = image.shape
    p = np.pad(image.astype(np.float64), 1)
    gx = np.zeros((h, w))
    gy = np.zeros((h, w))
    for u in range(3):
        for v in range(3):
            window = p[u : u + h, v : v + w]
            gx += KX[u, v] * window
            gy += KY[u, v] * window
    return np.sqrt(gx**2 + gy**2), np.arctan(gy / gx)
