# expect: failed
# failing-check: exception
# mistake: the per-sample coefficients of shape [B] are multiplied with the [B, C, H, W] tensor directly, so they broadcast against the last dim W (an error when W != B); reshape them to [B, 1, 1, 1] first.
# mistake-zh: 形状为 [B] 的逐样本系数直接和 [B, C, H, W] 的张量相乘，会和最后一维 W 对齐广播（W != B 时直接报错）；应先 reshape 成 [B, 1, 1, 1]。
import torch


def q_sample(x0, t, noise, timesteps=1000, beta_start=1e-4, beta_end=0.02):
    betas = torch.linspace(beta_start, beta_end, timesteps, dtype=torch.float64)
    alpha_bar = torch.cumprod(1.0 - betas, dim=0)
    # Bug: coefficients of shape [B] broadcast against the LAST dim (W), not the batch dim.
    a = alpha_bar.sqrt().to(torch.float32)[t]
    s = (1.0 - alpha_bar).sqrt().to(torch.float32)[t]
    return a * x0 + s * noise
