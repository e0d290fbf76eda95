# expect: failed
# failing-check: values
# mistake: the kernels are flipped (true convolution), which negates Gx and Gy and turns every direction by pi; apply the kernels as cross-correlation, out[i, j] = sum K[u, v] * pad[i + u, j + v]
# mistake-zh: 卷积核被翻转了（数学卷积），Gx、Gy 变号，方向整体转了 pi；应按互相关使用卷积核：out[i, j] = sum K[u, v] * pad[i + u, j + v]
import numpy as np

KX = np.array([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]])
KY = KX.T


def sobel(image):
    h, w = image.shape
    p = np.pad(image.astype(np.float64), 1)
    kx, ky = KX[::-1, ::-1], KY[::-1, ::-1]  # convolution flips the kernel
    gx = np.zeros((h, w))
    gy = np.zeros((h, w))
    for u in range(3):
        for v in range(3):
            window = p[u : u + h, v : v + w]
            gx += kx[u, v] * window
            gy += ky[u, v] * window
    return np.sqrt(gx**2 + gy**2), np.arctan2(gy, gx)
