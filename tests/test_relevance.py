"""The relevance factor: where a skill is named, the job's main skill, what you do not do."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.domain import PostingFacts, Verdict
from app.errors import InputError
from app.profiles import ProfileSpec, Skill, profile_from_toml, profile_to_toml
from app.scoring.relevance import RelevanceMatcher
from app.scoring.rules import PostingText
from app.scoring.score import SKILLS_MAX, Scorer
from app.scoring.skills import load_synonyms

NOW = datetime(2026, 12, 2, tzinfo=UTC)
FILLER = (
    "We are a small team with a product in production and paying customers. "
    "You will work with our lead developer, join a weekly call and write short notes "
    "on what you changed and why, so the next person can follow your work. "
)


def _profile(*skills: str, not_doing: tuple[str, ...] = ()) -> ProfileSpec:
    return ProfileSpec(
        name="T",
        skills=[Skill(s) for s in skills],
        not_doing=list(not_doing),
        min_hourly_rate=35.0,
    )


DJANGO = _profile("Python", "Django", "REST API", "PostgreSQL")


def _assess(profile: ProfileSpec, title: str, description: str, listed: list[str]):
    return RelevanceMatcher(profile, load_synonyms()).assess(
        listed, PostingText(title, description)
    )


def test_a_skill_in_the_title_weighs_more_than_the_same_skill_deep_in_the_description() -> None:
    body = FILLER * 2 + "The backend is written in Django."
    in_title = _assess(DJANGO, "Django developer for a booking site", FILLER * 2, ["Django"])
    in_text = _assess(DJANGO, "Developer for a booking site", body, ["Django"])
    assert in_title.in_title == ["Django"]
    assert in_text.in_title == [] and in_text.in_tags == ["Django"]
    assert in_title.share > in_text.share + 0.3


def test_the_first_lines_weigh_more_than_the_rest_of_the_description() -> None:
    early = _assess(DJANGO, "Developer needed", "We use Django. " + FILLER * 3, [])
    late = _assess(DJANGO, "Developer needed", FILLER * 3 + "We use Django.", [])
    assert early.in_lead == ["Django"] and late.in_rest == ["Django"]
    assert early.share > late.share


def test_a_main_skill_that_is_not_yours_costs_points_even_when_a_tag_matches() -> None:
    theirs = _assess(DJANGO, "React developer for our dashboard", FILLER * 2, ["React", "Python"])
    ours = _assess(DJANGO, "Python developer for our dashboard", FILLER * 2, ["Python", "React"])
    assert theirs.main_skill == "React" and not theirs.main_is_yours
    assert ours.main_skill == "Python" and ours.main_is_yours
    assert "main skill React is not yours" in theirs.reason
    assert theirs.share < ours.share - 0.4
    # one matching tag of one listed is not a full match any more
    only_tag = _assess(DJANGO, "Vibration analysis with machine learning", FILLER * 2, ["Python"])
    assert only_tag.share < 0.5
    assert "main skill Machine Learning is not yours" in only_tag.reason


def test_the_reason_names_what_matched_where() -> None:
    result = _assess(
        DJANGO,
        "React dashboard on a Django backend",
        FILLER * 2 + "The data comes from a REST API we run.",
        ["React", "Django"],
    )
    assert result.reason.startswith(
        "Django in the title, REST API in the description; main skill React is not yours"
    )


def test_what_you_do_not_do_weighs_against_by_where_it_is_named() -> None:
    plain = _profile("PHP", "CSS", "Web Design")
    avoiding = _profile("PHP", "CSS", "Web Design", not_doing=("WordPress", "logo design"))
    title, body = "WordPress site needs a new theme", FILLER * 2 + "Some CSS and PHP work."
    before = _assess(plain, title, body, ["WordPress", "CSS", "PHP"])
    after = _assess(avoiding, title, body, ["WordPress", "CSS", "PHP"])
    assert after.avoided == [("WordPress", "title")]
    assert "you do not do WordPress (in the title)" in after.reason
    assert after.share < 0 < before.share
    listed = _assess(avoiding, "New theme for our site", body, ["WordPress", "CSS", "PHP"])
    unlisted = _assess(plain, "New theme for our site", body, ["WordPress", "CSS", "PHP"])
    assert listed.avoided == [("WordPress", "listed skills")]
    assert after.share < listed.share < unlisted.share
    # kinds of work count as well as skills
    logo = _assess(avoiding, "Logo design and a landing page", body, ["CSS"])
    assert ("logo design", "title") in logo.avoided


def test_a_skill_named_to_rule_it_out_does_not_count() -> None:
    avoiding = _profile("Django", "Python", not_doing=("WordPress",))
    result = _assess(
        avoiding,
        "Full-stack developer - No WordPress/Wix. Need Django/Python",
        "Using WordPress is not an option on this project. " + FILLER * 2,
        ["Django"],
    )
    assert result.avoided == []
    assert result.main_skill == "Django" and result.main_is_yours


def test_an_eighteen_word_posting_never_gets_a_high_relevance_nor_a_confident_verdict() -> None:
    facts = PostingFacts(
        title="Web scraping idea",
        description=(
            "I have an idea involving web scraping, will explain further to the right person. "
            "Please message me soon."
        ),
        skills=["Web Scraping"],
        hourly_min=40.0,
        hourly_max=60.0,
    )
    assert len(facts.description.split()) == 18  # type: ignore[union-attr]
    profile = _profile("Python", "Web Scraping")
    result = Scorer.for_profile(profile).score(facts, NOW)
    skills = next(f for f in result.factors if f.name == "Skills")
    assert skills.points <= SKILLS_MAX * 0.7
    assert "only 18 words" in skills.reason
    assert result.verdict is Verdict.MAYBE
    unsure = next(f for f in result.factors if f.name == "Not enough to judge")
    assert "not a confident verdict" in unsure.reason
    # the same few words about work that is not yours stay a Skip
    other = Scorer.for_profile(_profile("Figma", "Logo Design")).score(facts, NOW)
    assert other.verdict is Verdict.SKIP


def test_a_profile_without_not_doing_still_loads_and_round_trips_it() -> None:
    old = 'name = "Old"\n[[skills]]\nname = "Python"\n'
    assert profile_from_toml(old).not_doing == []
    text = 'name = "New"\nnot_doing = ["WordPress", "logo design"]\n[[skills]]\nname = "Python"\n'
    spec = profile_from_toml(text)
    assert spec.not_doing == ["WordPress", "logo design"]
    assert profile_from_toml(profile_to_toml(spec)).not_doing == ["WordPress", "logo design"]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            'name = "P"\nnot_doing = "WordPress"\n',
            "line 2 key 'not_doing' must be a list of strings",
        ),
        ('name = "P"\nnot_doing = [1]\n', "line 2 key 'not_doing' must be a list of strings"),
        (
            'name = "P"\nnot_doing = ["Python"]\n[[skills]]\nname = "Python"\n',
            "'Python' is both a skill and in not_doing",
        ),
    ],
)
def test_a_wrong_not_doing_list_is_one_line_naming_it(text: str, problem: str) -> None:
    with pytest.raises(InputError) as caught:
        profile_from_toml(text, "p.toml")
    assert problem.replace("a list of strings", "") in str(caught.value)


@pytest.mark.parametrize(
    ("description", "expected"),
    [("", "no description to judge by"), ("Django", "only 1 word, too few")],
)
def test_the_reason_says_plainly_when_there_is_no_description(
    description: str, expected: str
) -> None:
    result = _assess(DJANGO, "Django developer", description, ["Django"])
    assert expected in result.reason
    assert "0 words" not in result.reason
