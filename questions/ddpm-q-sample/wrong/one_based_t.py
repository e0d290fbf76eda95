# expect: failed
# failing-check: values
# feedback-contains: mixed-t
# mistake: t is treated as the paper's 1-based step and looked up at alpha_bar[t - 1], so t = 0 wraps around to alpha_bar[-1] (the noisiest step); t is 0-based here, index alpha_bar[t] directly.
# mistake-zh: 把 t 当成论文里从 1 开始的步数，取了 alpha_bar[t - 1]，t = 0 时会绕到 alpha_bar[-1]（噪声最大的一步）；这里的 t 从 0 开始，应直接取 alpha_bar[t]。
import torch


def q_sample(x0, t, noise, timesteps=1000, beta_start=1e-4, beta_end=0.02):
    betas = torch.linspace(beta_start, beta_end, timesteps, dtype=torch.float64)
    alpha_bar = torch.cumprod(1.0 - betas, dim=0)
    shape = (x0.shape[0],) + (1,) * (x0.dim() - 1)
    # Bug: treats t as the paper's 1-based index; t=0 wraps around to alpha_bar[-1].
    idx = t - 1
    a = alpha_bar.sqrt().to(torch.float32)[idx].view(shape)
    s = (1.0 - alpha_bar).sqrt().to(torch.float32)[idx].view(shape)
    return a * x0 + s * noise
