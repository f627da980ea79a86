"""Alembic revisions shipped inside the package, applied when a database opens.

Opening a database that is already at head (every start but the first after an
update) needs only two facts: the database's revision, read from Alembic's
version table with one query, and the head, read from the revision files'
``revision`` / ``down_revision`` lines without running them. Alembic itself,
about a sixth of the app's start-up (docs/performance.md, issue 16), is loaded
only to upgrade.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect
from sqlalchemy.engine import Connection

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent
VERSIONS_DIR = MIGRATIONS_DIR / "versions"
VERSION_TABLE = "alembic_version"  # Alembic's default; env.py does not change it


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def current_revision(connection: Connection) -> str | None:
    """The schema revision the database is at; None for a database Alembic never touched."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    versions = connection.exec_driver_sql(f"SELECT version_num FROM {VERSION_TABLE}").scalars()
    found = sorted(versions)
    if len(found) > 1:  # branches: never made by this app, so let Alembic say what it is
        from alembic.runtime.migration import MigrationContext

        return MigrationContext.configure(connection).get_current_revision()
    return found[0] if found else None


def _ids(node: ast.expr | None) -> tuple[str, ...]:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return (node.value,)
    if isinstance(node, ast.Tuple | ast.List):
        return tuple(i for element in node.elts for i in _ids(element))
    return ()


@cache
def revision_graph() -> dict[str, tuple[str, ...]]:
    """Each revision in ``versions/`` with the revisions it follows, read without running it."""
    graph: dict[str, tuple[str, ...]] = {}
    for path in sorted(VERSIONS_DIR.glob("*.py")):
        names: dict[str, ast.expr | None] = {}
        for statement in ast.parse(path.read_text(encoding="utf-8")).body:
            value: ast.expr | None
            if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
                target, value = statement.targets[0], statement.value
            elif isinstance(statement, ast.AnnAssign):
                target, value = statement.target, statement.value
            else:
                continue
            if isinstance(target, ast.Name):
                names[target.id] = value
        revision = _ids(names.get("revision"))
        if revision:
            graph[revision[0]] = _ids(names.get("down_revision"))
    return graph


@cache
def head_revision() -> str:
    graph = revision_graph()
    followed = {down for downs in graph.values() for down in downs}
    heads = [revision for revision in graph if revision not in followed]
    if len(heads) == 1:
        return heads[0]
    from alembic.script import ScriptDirectory  # several heads, or none: Alembic explains

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> frozenset[str]:
    """Every revision this release ships (the files do not change while it runs)."""
    return frozenset(revision_graph())


def is_known(revision: str) -> bool:
    return revision in revision_graph()


def upgrade(connection: Connection, target: str = "head") -> None:
    from alembic import command

    command.upgrade(alembic_config(connection), target)
