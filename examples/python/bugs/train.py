"""A training script with the classic spawn bugs."""
import pkg.cache
import multiprocessing

multiprocessing.set_start_method("spawn")


def make_pool():
    return multiprocessing.Pool(4)


pool = make_pool()


def square(x):
    return x * x


if __name__ == "__main__":
    print(pool.map(square, range(10)))
