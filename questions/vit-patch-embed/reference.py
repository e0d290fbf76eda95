def patch_embed(x, weight, bias, patch_size):
    B, C, H, W = x.shape
    P = patch_size
    E = weight.shape[0]
    gh, gw = H // P, W // P
    # [B, C, gh, P, gw, P] -> [B, gh, gw, C, P, P]: row-major patches, (C, P, P) inside each
    patches = x.view(B, C, gh, P, gw, P).permute(0, 2, 4, 1, 3, 5)
    patches = patches.reshape(B, gh * gw, C * P * P)
    return patches @ weight.reshape(E, C * P * P).T + bias  # [B, N, E]
