from __future__ import annotations

import pytest

from app.errors import InputError, NotFoundError
from app.profiles import (
    ClientCriteria,
    ProfileSpec,
    RuleOverride,
    Skill,
    active_profile,
    default_profile,
    import_profile,
    list_profiles,
    profile_from_toml,
    profile_to_toml,
    save_profile,
    spec_of,
    use_profile,
)
from app.storage.models import Profile


def full_spec() -> ProfileSpec:
    return ProfileSpec(
        name="Web",
        title="React developer",
        skills=[Skill("React", 2.0, ["ReactJS"]), Skill("TypeScript")],
        min_hourly_rate=45.0,
        min_fixed_budget=500.0,
        preferred_categories=["Web Development"],
        experience_levels=["expert"],
        client=ClientCriteria(True, 4.5, 1000.0, 40.0, ["Atlantis"]),
        include_keywords=["dashboard"],
        exclude_keywords=["wordpress"],
        not_doing=["WordPress", "logo design"],
        connect_price_usd=0.15,
        plan="freelancer_plus",
        rules={"stale-post": RuleOverride(False, 1.0), "low-rating": RuleOverride(True, 2.0)},
    )


def test_spec_round_trips_through_the_row_and_toml(db) -> None:
    spec = full_spec()
    with db.transaction() as session:
        save_profile(session, spec)
    with db.read() as session:
        row = active_profile(session)
        assert row is not None and row.is_active
        assert spec_of(row) == spec
        assert row.rule_overrides["stale-post"] == {"enabled": False, "weight": 1.0}
    assert profile_from_toml(profile_to_toml(spec)) == spec


def test_unknown_key_names_key_and_line(db) -> None:
    text = 'name = "X"\ntitle = "t"\n\n[client]\nmin_rating = 4.0\nfavourite_colour = "red"\n'
    with pytest.raises(InputError, match=r"line 6 key 'client.favourite_colour' unknown key"):
        profile_from_toml(text, "p.toml")


def test_wrong_type_names_key_and_line_and_changes_nothing(db) -> None:
    with db.transaction() as session:
        save_profile(session, full_spec())
    text = profile_to_toml(full_spec()).replace("weight = 2.0", 'weight = "heavy"')
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if '"heavy"' in ln)
    expected = rf"line {line} key 'skills\[0\].weight' must be a number"
    with pytest.raises(InputError, match=expected), db.transaction() as session:
        import_profile(session, text, "p.toml")
    with db.read() as session:
        profile = active_profile(session)
        assert profile is not None
        assert spec_of(profile) == full_spec()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "min_hourly_rate = true\n",
            "line 1 key 'min_hourly_rate' must be a number, not a boolean",
        ),
        ("name = 'x'\nplan = 'gold'\n", "plan must be one of"),
        ("[[skills]]\nweight = 1\n", "key 'skills[0]' needs a name"),
        ("include_keywords = [1, 2]\n", "line 1 key 'include_keywords' must be a list of strings"),
        ("name = \n", "not valid TOML"),
        ("[rules.nope]\nenabled = false\n", "line 1 key 'rules.nope' is not a known red-flag rule"),
        ("name = 'x'\n[client]\nmin_hire_rate = 140\n", "min_hire_rate must be a percentage"),
    ],
)
def test_bad_profiles_are_refused(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message.replace("[", r"\[")):
        profile_from_toml(text, "p.toml", known_rules={"stale-post"})


def test_several_profiles_one_active(db) -> None:
    with db.transaction() as session:
        save_profile(session, default_profile("A"))
        save_profile(session, default_profile("B"))
    with db.transaction() as session:
        profile = active_profile(session)
        assert profile is not None and profile.name == "A"
        use_profile(session, "B")
    with db.read() as session:
        profile = active_profile(session)
        assert profile is not None and profile.name == "B"
        assert [p.is_active for p in list_profiles(session)] == [False, True]
        with pytest.raises(NotFoundError, match="no profile named 'C'"):
            use_profile(session, "C")


def test_first_run_defaults_fill_the_rest() -> None:
    spec = default_profile("Me", "Python developer", ["Python", " Django ", ""], 40.0)
    assert [s.name for s in spec.skills] == ["Python", "Django"]
    assert spec.min_hourly_rate == 40.0 and spec.min_fixed_budget == 320.0
    assert spec.experience_levels == ["intermediate", "expert"]
    assert spec.client.min_rating == 4.0


def test_rename_refuses_a_clash(db) -> None:
    with db.transaction() as session:
        save_profile(session, default_profile("A"))
        save_profile(session, default_profile("B"))
    with pytest.raises(InputError, match="already exists"), db.transaction() as session:
        save_profile(session, default_profile("B"), replace="A")
    with db.read() as session:
        assert session.query(Profile).count() == 2
