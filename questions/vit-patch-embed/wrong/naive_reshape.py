# expect: failed
# failing-check: values
# feedback-contains: square-8x8-p4
# mistake: x is reshaped straight to [B, N, C * P * P], which takes runs of consecutive memory rather than P x P spatial blocks; view x as [B, C, H/P, P, W/P, P] and permute to [B, H/P, W/P, C, P, P] before flattening.
# mistake-zh: 把 x 直接 reshape 成 [B, N, C * P * P]，取到的是内存中连续的一段，而不是 P x P 的空间块；应先 view 成 [B, C, H/P, P, W/P, P]，再 permute 成 [B, H/P, W/P, C, P, P] 后展平。
import torch


def patch_embed(x, weight, bias, patch_size):
    B, C, H, W = x.shape
    P = patch_size
    E = weight.shape[0]
    N = (H // P) * (W // P)
    # Bug: a flat reshape does not cut spatial P x P blocks; it takes consecutive pixels.
    patches = x.reshape(B, N, C * P * P)
    return patches @ weight.reshape(E, -1).T + bias
