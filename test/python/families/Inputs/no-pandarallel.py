# Look-alikes: methods named like pandarallel's and mapply's in a module that
# imports neither library.
import pandas as pd

df = pd.DataFrame()
df.parallel_apply(print)
df.mapply(print)
