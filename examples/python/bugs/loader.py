"""DataLoader workers start when the loader is iterated, here at import."""
from torch.utils.data import DataLoader
from stable_baselines3.common.vec_env import SubprocVecEnv

loader = DataLoader(list(range(100)), batch_size=10, num_workers=4)
for batch in loader:
    print(batch)

envs = SubprocVecEnv([lambda: None] * 4)
