"""What a new (or newly migrated) database gets once: starter data and defaults."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.orm import Session

from app.replies import seed_starter_replies
from app.storage import Database

#: functions that add starter data; each must be idempotent
SEEDERS: list[Callable[[Session], None]] = [seed_starter_replies]


def seed_defaults(db: Database) -> None:
    """Run every seeder in one transaction (each is a no-op when its data exists)."""
    with db.transaction() as session:
        for seeder in SEEDERS:
            seeder(session)
