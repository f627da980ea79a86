"""The real postings of shared/data scored against three written profiles (tests/profiles).

Each profile names a few postings a freelancer of that kind would call strong fits
and some that are clearly not theirs (read one by one, docs/scoring.md): the fits
reach Apply and rank above every non-fit; no non-fit reaches Apply.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.domain import PostingFacts, Verdict
from app.profiles import profile_from_toml
from app.scoring.score import Scorer, ScoreResult
from tests.tile_facts import real_postings_or_skip

PROFILES = Path(__file__).parent / "profiles"
#: the tiles carry no posting time; a fixed moment keeps freshness out of it
NOW = datetime(2024, 8, 20, tzinfo=UTC)

WORDPRESS_JOBS = [i for i in range(51, 100) if i not in (56, 65, 80, 81, 82, 87, 92)]

#: profile file -> (strong fits, clear non-fits), as indexes into the shared file with
#: the start of each title (a changed file fails loudly instead of testing the wrong job)
CASES = {
    "django_backend.toml": (
        {
            30: "Sr. Python/Django",
            47: "Web Scraping Developer",
            48: "Web scraper",
            10: "Python Engineer",
        },
        [*WORDPRESS_JOBS, 2, 4, 7, 23, 43, 46, 65],
    ),
    "wordpress_designer.toml": (
        {
            94: "Experienced WordPress",
            83: "Senior WordPress",
            55: "Repair wordpress",
            66: "WordPress Developer",
            86: "NEW WordPress Landing",
        },
        [*range(0, 51), 65, 81, 82],
    ),
    "data_scientist.toml": (
        {13: "Data Scientist with", 32: "Data Scientist w/"},
        [*WORDPRESS_JOBS, 22, 23, 30, 43, 65, 88],
    ),
}


def _scored(name: str, postings: list[PostingFacts]) -> list[ScoreResult]:
    path = PROFILES / name
    scorer = Scorer.for_profile(profile_from_toml(path.read_text(encoding="utf-8"), str(path)))
    return [scorer.score(facts, NOW) for facts in postings]


@pytest.mark.parametrize("name", sorted(CASES))
def test_strong_fits_reach_apply_and_rank_above_every_non_fit(name: str) -> None:
    postings = real_postings_or_skip()
    fits, non_fits = CASES[name]
    for i, start in fits.items():
        assert (postings[i].title or "").startswith(start), (i, postings[i].title)
    results = _scored(name, postings)
    for i in fits:
        assert results[i].verdict is Verdict.APPLY, (postings[i].title, results[i].total)
    lowest_fit = min(results[i].total for i in fits)
    for i in non_fits:
        assert results[i].verdict is not Verdict.APPLY, (postings[i].title, results[i].total)
        assert results[i].total < lowest_fit, (postings[i].title, results[i].total)


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_fits_are_the_top_of_the_ranking(name: str) -> None:
    postings = real_postings_or_skip()
    fits, _ = CASES[name]
    results = _scored(name, postings)
    ranking = sorted(range(len(results)), key=lambda i: -results[i].total)
    top = ranking[: len(fits) + 3]
    assert set(fits) <= set(top), [(postings[i].title, results[i].total) for i in top]


def test_most_postings_are_not_a_django_developers() -> None:
    results = _scored("django_backend.toml", real_postings_or_skip())
    verdicts = [r.verdict for r in results]
    # half the file is WordPress work: a Python/Django backend freelancer skips most of it
    assert verdicts.count(Verdict.SKIP) > len(results) * 0.75
    assert 2 <= verdicts.count(Verdict.APPLY) <= 8


def test_a_posting_of_a_few_words_is_maybe_not_enough_to_judge() -> None:
    postings = real_postings_or_skip()
    swoogo = postings[80]  # "Swoogo theme": 6 words, Web Design, CSS, HTML
    assert swoogo.title == "Swoogo theme"
    result = _scored("wordpress_designer.toml", postings)[80]
    assert result.verdict is Verdict.MAYBE
    factor = next(f for f in result.factors if f.name == "Not enough to judge")
    assert "not a confident verdict" in factor.reason


def test_the_skills_reason_says_what_matched_where() -> None:
    postings = real_postings_or_skip()
    results = _scored("django_backend.toml", postings)
    skills = next(f for f in results[30].factors if f.name == "Skills")
    assert skills.reason.startswith(
        "Python, Django in the title, REST API, PostgreSQL in the listed"
    )
    ml_job = next(f for f in results[7].factors if f.name == "Skills")
    assert "main skill Machine Learning is not yours" in ml_job.reason or (
        "you do not do Machine Learning (in the title)" in ml_job.reason
    )
