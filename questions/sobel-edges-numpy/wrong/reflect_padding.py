# expect: failed
# failing-check: values
# mistake: the border is padded by reflection (OpenCV's default BORDER_REFLECT_101) instead of zeros, so border pixels differ; this task asks for zero padding, np.pad(image, 1)
# mistake-zh: 边界用了反射填充（OpenCV 默认的 BORDER_REFLECT_101）而不是补零，边界像素结果不同；本题要求补零，即 np.pad(image, 1)
import numpy as np

KX = np.array([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]])
KY = KX.T


def sobel(image):
    h, w = image.shape
    p = np.pad(image.astype(np.float64), 1, mode="reflect")
    gx = np.zeros((h, w))
    gy = np.zeros((h, w))
    for u in range(3):
        for v in range(3):
            window = p[u : u + h, v : v + w]
            gx += KX[u, v] * window
            gy += KY[u, v] * window
    return np.sqrt(gx**2 + gy**2), np.arctan2(gy, gx)
