# expect: failed
# failing-check: values
# feedback-contains: mixed-t
# mistake: x0 and the noise are scaled by alpha_bar_t and 1 - alpha_bar_t, which are variances; the coefficients are their square roots, sqrt(alpha_bar_t) and sqrt(1 - alpha_bar_t).
# mistake-zh: x0 和噪声分别乘了 alpha_bar_t 和 1 - alpha_bar_t，这两个是方差；系数应为它们的平方根 sqrt(alpha_bar_t) 和 sqrt(1 - alpha_bar_t)。
import torch


def q_sample(x0, t, noise, timesteps=1000, beta_start=1e-4, beta_end=0.02):
    betas = torch.linspace(beta_start, beta_end, timesteps, dtype=torch.float64)
    alpha_bar = torch.cumprod(1.0 - betas, dim=0)
    shape = (x0.shape[0],) + (1,) * (x0.dim() - 1)
    # Bug: uses the variances as if they were standard deviations.
    a = alpha_bar.to(torch.float32)[t].view(shape)
    s = (1.0 - alpha_bar).to(torch.float32)[t].view(shape)
    return a * x0 + s * noise
