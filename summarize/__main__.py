import sys

from .cli import main

# The guard matters: worker processes started by "spawn" (Dask's nanny) import this module again.
if __name__ == "__main__":
    sys.exit(main())
