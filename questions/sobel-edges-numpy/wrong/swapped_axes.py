# expect: failed
# failing-check: values
# mistake: x and y are swapped (the row index is treated as x), so Gx and Gy trade places; rows are y and columns are x, so Gx = [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]] differentiates along the columns
# mistake-zh: x 和 y 弄反了（把行下标当成了 x），Gx 与 Gy 互换；行是 y、列是 x，Gx = [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]] 是沿列方向求导
import numpy as np

KX = np.array([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]])


def sobel(image):
    h, w = image.shape
    p = np.pad(image.astype(np.float64), 1)
    gx = np.zeros((h, w))
    gy = np.zeros((h, w))
    for u in range(3):
        for v in range(3):
            window = p[u : u + h, v : v + w]
            gx += KX.T[u, v] * window  # derivative along the rows
            gy += KX[u, v] * window
    return np.sqrt(gx**2 + gy**2), np.arctan2(gy, gx)
