"""A shared cache that starts a manager process when imported."""
import multiprocessing


def _manager():
    return multiprocessing.Manager()


shared = multiprocessing.Manager()
