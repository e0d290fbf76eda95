# expect: failed
# failing-check: values
# feedback-contains: mixed-t
import torch


def q_sample(x0, t, noise, timesteps=1000, beta_start=1e-4, beta_end=0.02):
    betas = torch.linspace(beta_start, beta_end, timesteps, dtype=torch.float64)
    alpha_bar = torch.cumprod(1.0 - betas, dim=0)
    shape = (x0.shape[0],) + (1,) * (x0.dim() - 1)
    # Bug: uses the variances as if they were standard deviations.
    a = alpha_bar.to(torch.float32)[t].view(shape)
    s = (1.0 - alpha_bar).to(torch.float32)[t].view(shape)
    return a * x0 + s * noise
