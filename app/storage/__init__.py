"""Storage: the only place that writes SQL.

Repository functions take a :class:`sqlalchemy.orm.Session` from the caller
(one session per user action) and return domain objects.
"""

from app.storage.db import Database, open_database

__all__ = ["Database", "open_database"]
