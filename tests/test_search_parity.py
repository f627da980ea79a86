"""Search finds the same postings on SQLite and on PostgreSQL for the same query.

Both sides get the same postings (made here, and the real ones in ../shared/data
when present) and a fixed set of queries: prefixes only on a word ending in ``*``
and on the last word while typing, accents folded, hyphens and apostrophes
splitting words alike. Needs ``$PWB_TEST_DB`` (skipped without a server).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app.domain import PostingFacts
from app.importing import import_into
from app.storage import Database, open_database
from app.storage.jobs import JobQuery, add_posting, count_jobs
from app.storage.models import JobPosting
from app.storage.search import fts5_query, job_search_filter, pg_tsquery
from tests.tile_facts import shared_data_file

POSTINGS = [
    ("Full-stack developer for a résumé builder", "React front end, Django back end", ["React"]),
    ("Full stack engineer", "Python and Django; the client's API", ["Python", "Django"]),
    ("Resume parsing in Python", "Extract fields from CVs. Node.js welcome", ["Node.js", "NLP"]),
    ("Café website", "WordPress theme for a café; clients' photos", ["WordPress"]),
    ("Data entry", "Copy numbers from PDFs to a sheet. No full-time commitment", []),
    ("Naïve Bayes classifier", "Machine-learning model for spam; scikit-learn", ["Python"]),
    ("React Native app", "iOS and Android, stack of your choice", ["React Native"]),
    ("Pythonista wanted", "Djangonaut preferred", ["Python"]),
]

QUERIES = [
    "react",
    "pyth djan",
    "pyth* djan*",
    "python django",
    "résumé",
    "resume",
    "RÉSUMÉ builder",
    "full-stack",
    "full stack",
    "fullstack",
    "client's",
    "clients",
    "client s",
    "cafe",
    "café",
    "naive bayes",
    "node.js",
    "machine-learning",
    "scikit",
    "c++",
    "django",
    "wordpress theme",
    "***",
    "full-time",
    "react nat",
]


def _fill(db: Database, shared: Path | None) -> None:
    with db.transaction() as session:
        for n, (title, description, skills) in enumerate(POSTINGS):
            facts = PostingFacts(
                title=title, description=description, skills=skills, url=f"https://x.test/{n}"
            )
            add_posting(session, facts)
    if shared is not None:
        import_into(db, shared)


@pytest.fixture
def both(pg_url: str, migrated_copy: Callable[..., Path]) -> Iterator[tuple[Database, Database]]:
    shared = shared_data_file()
    lite, server = open_database(str(migrated_copy())), open_database(pg_url)
    try:
        for db in (lite, server):
            _fill(db, shared)
        yield lite, server
    finally:
        lite.close()
        server.close()


def found(db: Database, query: str) -> set[str]:
    with db.read() as session:
        clause = job_search_filter(session, query)
        if clause is None:
            return set()
        return set(session.scalars(select(JobPosting.dedup_key).where(clause)))


def test_the_same_queries_find_the_same_postings(both: tuple[Database, Database]) -> None:
    lite, server = both
    results = {}
    for query in QUERIES:
        on_sqlite, on_server = found(lite, query), found(server, query)
        assert on_sqlite == on_server, (query, on_sqlite ^ on_server)
        results[query] = len(on_sqlite)
        with lite.read() as a, server.read() as b:  # the jobs list counts alike too
            assert count_jobs(a, JobQuery(search=query)) == count_jobs(b, JobQuery(search=query))
    # the rules, seen in the counts (not only "both agree")
    assert results["pyth djan"] == 0  # "pyth" is not a prefix: it is not the last word
    assert results["pyth* djan*"] >= 1
    assert results["résumé"] == results["resume"] > results["RÉSUMÉ builder"] >= 1
    # the hyphenated word is a phrase; two words may stand apart (and "stack" is a prefix)
    assert results["full stack"] >= results["full-stack"] >= 2
    assert results["client s"] >= results["client's"] >= 1
    assert results["cafe"] == results["café"] >= 1
    assert results["***"] == 0
    # a finished search (pwb jobs --search): no prefix unless the word ends in *
    with lite.read() as a, server.read() as b:
        for session in (a, b):
            assert count_jobs(session, JobQuery(search="reac", typing=False)) == 0
            assert count_jobs(session, JobQuery(search="reac*", typing=False)) >= results["react"]


def test_queries_carry_no_operators_through() -> None:
    assert fts5_query('full-stack "AND" NEAR(') == '"full stack" "AND" "NEAR"*'
    assert pg_tsquery("full-stack résumé") == "(full <-> stack) & (résumé:*)"
    assert pg_tsquery("a:* & !b | c") == "(a:*) & (b) & (c:*)"  # "a:*" ends in *
    assert pg_tsquery("pyth* djan", typing=False) == "(pyth:*) & (djan)"
    assert fts5_query("   ") is None and pg_tsquery("&|!") is None
