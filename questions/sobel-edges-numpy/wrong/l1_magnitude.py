# expect: failed
# failing-check: values
# mistake: the magnitude is the L1 approximation |Gx| + |Gy|; the task asks for the Euclidean magnitude sqrt(Gx**2 + Gy**2) (np.hypot)
# mistake-zh: 幅值用了 L1 近似 |Gx| + |Gy|；本题要求欧氏幅值 sqrt(Gx**2 + Gy**2)（np.hypot）
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
    return np.abs(gx) + np.abs(gy), np.arctan2(gy, gx)
