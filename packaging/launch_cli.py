"""Entry point of the bundle's console ``pwb`` executable."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # rescoring uses spawned worker processes
    from app.cli import main

    sys.exit(main())
