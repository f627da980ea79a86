"""Entry point of the bundle's windowed ``proposal-workbench`` executable."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # rescoring uses spawned worker processes
    from ui.main import main

    sys.exit(main())
