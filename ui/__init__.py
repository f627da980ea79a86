"""PySide6 widgets over the Qt-free core in ``app``. Thin: slots call app/ functions."""
