# expect: failed
# failing-check: exception
import torch


def q_sample(x0, t, noise, timesteps=1000, beta_start=1e-4, beta_end=0.02):
    betas = torch.linspace(beta_start, beta_end, timesteps, dtype=torch.float64)
    alpha_bar = torch.cumprod(1.0 - betas, dim=0)
    # Bug: coefficients of shape [B] broadcast against the LAST dim (W), not the batch dim.
    a = alpha_bar.sqrt().to(torch.float32)[t]
    s = (1.0 - alpha_bar).sqrt().to(torch.float32)[t]
    return a * x0 + s * noise
