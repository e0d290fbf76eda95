# expect: failed
# failing-check: values
# feedback-contains: mixed-t
# mistake: the coefficients use the single-step alpha_t = 1 - beta_t instead of the cumulative product alpha_bar_t = (1 - beta_0) * ... * (1 - beta_t) (torch.cumprod), so x_t keeps almost no noise at large t.
# mistake-zh: 系数用了单步的 alpha_t = 1 - beta_t，而不是累乘 alpha_bar_t = (1 - beta_0) * ... * (1 - beta_t)（torch.cumprod），t 很大时 x_t 几乎没有加上噪声。
import torch


def q_sample(x0, t, noise, timesteps=1000, beta_start=1e-4, beta_end=0.02):
    betas = torch.linspace(beta_start, beta_end, timesteps, dtype=torch.float64)
    alphas = 1.0 - betas  # Bug: single-step alpha_t, no cumulative product
    shape = (x0.shape[0],) + (1,) * (x0.dim() - 1)
    a = alphas.sqrt().to(torch.float32)[t].view(shape)
    s = (1.0 - alphas).sqrt().to(torch.float32)[t].view(shape)
    return a * x0 + s * noise
