import math  # noqa: F401

import torch  # noqa: F401
import torch.nn.functional as F  # noqa: F401


def q_sample(x0, t, noise, timesteps=1000, beta_start=1e-4, beta_end=0.02):
    """DDPM forward process: sample x_t ~ q(x_t | x_0) with the given noise.

    x0:         [B, C, H, W] float32, clean data
    t:          [B] int64, 0-based timestep of each sample, 0 <= t < timesteps
    noise:      [B, C, H, W] float32, standard normal noise (epsilon)
    timesteps:  int T, number of diffusion steps
    beta_start, beta_end: float, ends of the linear beta schedule

    betas = linspace(beta_start, beta_end, T) in float64,
    alpha_bar[t] = prod_{s=0..t} (1 - betas[s]),
    returns sqrt(alpha_bar[t]) * x0 + sqrt(1 - alpha_bar[t]) * noise,
    [B, C, H, W] float32 (coefficients cast to float32 before multiplying).
    """
    raise NotImplementedError
