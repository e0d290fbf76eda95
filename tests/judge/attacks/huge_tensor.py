# expect: memory
import torch

x = torch.empty(5 * 2**30)  # 20 GB of float32
