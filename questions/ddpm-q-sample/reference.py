import torch


def q_sample(x0, t, noise, timesteps=1000, beta_start=1e-4, beta_end=0.02):
    betas = torch.linspace(beta_start, beta_end, timesteps, dtype=torch.float64)
    alpha_bar = torch.cumprod(1.0 - betas, dim=0)  # alpha_bar[t] = prod_{s<=t} (1 - beta_s)
    sqrt_ab = alpha_bar.sqrt().to(torch.float32)
    sqrt_one_minus_ab = (1.0 - alpha_bar).sqrt().to(torch.float32)

    shape = (x0.shape[0],) + (1,) * (x0.dim() - 1)  # [B, 1, 1, 1]
    a = sqrt_ab[t].view(shape)
    s = sqrt_one_minus_ab[t].view(shape)
    return a * x0 + s * noise
