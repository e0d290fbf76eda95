# expect: failed
# failing-check: values
# mistake: only interior pixels are computed and the one-pixel border is left at 0; with zero padding of 1 every pixel, the border included, gets a gradient
# mistake-zh: 只算了内部像素，最外一圈留成 0；补零 1 圈之后每个像素（包括边界）都要算梯度
import numpy as np

KX = np.array([[-1.0, 0.0, 1.0], [-2.0, 0.0, 2.0], [-1.0, 0.0, 1.0]])
KY = KX.T


def sobel(image):
    h, w = image.shape
    img = image.astype(np.float64)
    gx = np.zeros((h, w))
    gy = np.zeros((h, w))
    for i in range(1, h - 1):
        for j in range(1, w - 1):
            patch = img[i - 1 : i + 2, j - 1 : j + 2]
            gx[i, j] = (KX * patch).sum()
            gy[i, j] = (KY * patch).sum()
    return np.sqrt(gx**2 + gy**2), np.arctan2(gy, gx)
