import math  # noqa: F401

import torch  # noqa: F401
import torch.nn.functional as F  # noqa: F401


def scaled_dot_product_attention(q, k, v, mask=None):
    """Scaled dot-product attention.

    q:    [B, H, Lq, D]   float32
    k:    [B, H, Lk, D]   float32
    v:    [B, H, Lk, Dv]  float32
    mask: None, or a bool tensor broadcastable to [B, H, Lq, Lk];
          True = query may attend to that key, False = blocked.
          Every query row keeps at least one True.

    Returns the output, [B, H, Lq, Dv] float32.
    """
    raise NotImplementedError
