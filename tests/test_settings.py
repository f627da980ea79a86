from __future__ import annotations

import pytest

from app import settings
from app.errors import InputError


def test_unset_settings_read_their_default(db) -> None:
    with db.read() as session:
        assert settings.get(session, "connects.price_usd") == 0.15
        assert settings.get(session, "connects.monthly_allocation")["freelancer_plus"] == 100


def test_set_then_get_and_type_check(db) -> None:
    with db.transaction() as session:
        settings.set_value(session, "score.apply_threshold", 80)
        settings.set_value(session, "connects.price_usd", 1)  # an int is a fine float
    with db.read() as session:
        assert settings.get(session, "score.apply_threshold") == 80
        assert settings.all_values(session)["connects.price_usd"] == 1.0
        with pytest.raises(InputError, match="takes a int"):
            settings.set_value(session, "score.apply_threshold", "high")
        with pytest.raises(InputError, match="unknown setting"):
            settings.get(session, "no.such")


def test_every_setting_is_declared_with_a_group_a_meaning_and_a_working_default() -> None:
    for key, declared in settings.SPECS.items():
        assert declared.group in settings.GROUPS, key
        assert declared.title and len(declared.help) > 20, key
        assert settings.check(key, declared.default) == declared.default, key
        text = settings.format_value(key, declared.default)
        assert settings.check(key, settings.parse_text(key, text)) == declared.default, key
    in_groups = [s.key for _, specs in settings.grouped() for s in specs]
    assert sorted(in_groups) == sorted(settings.SPECS)  # every setting in exactly one group


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("connects.billing_day", 0, "between 1 and 31"),
        ("connects.price_usd", 0.0, "between 0.01 and 10"),
        ("connects.bundles", [10, -5], "item 2, must be between 1"),
        ("connects.bundles", [], "at least one bundle"),
        ("connects.monthly_allocation", {"gold": 5}, "has no 'gold'"),
        ("connects.refund_rules", {"withdrawn": "all"}, "withdrawn must be one of"),
        ("connects.credit_name", "  ", "cannot be empty"),
        ("backup.keep", True, "takes a int"),
        ("proposal.user_dictionary", ["ok", ""], "item 2, must be a word"),
    ],
)
def test_values_are_checked_against_the_declaration(db, key, value, message) -> None:
    with db.transaction() as session, pytest.raises(InputError, match=message):
        settings.set_value(session, key, value)
    with db.read() as session:
        assert settings.get(session, key) == settings.spec(key).default


def test_maybe_stays_below_apply_and_several_values_store_together_or_not_at_all(db) -> None:
    with db.transaction() as session, pytest.raises(InputError, match="must be below the Apply"):
        settings.set_value(session, "score.maybe_threshold", 70)
    with db.transaction() as session:  # both at once: checked against each other's new value
        settings.set_values(session, {"score.apply_threshold": 90, "score.maybe_threshold": 80})
    with db.read() as session:
        assert settings.get(session, "score.maybe_threshold") == 80
    with db.transaction() as session, pytest.raises(InputError, match="backup.keep"):
        settings.set_values(session, {"connects.billing_day": 5, "backup.keep": 0})
    with db.read() as session:
        assert settings.get(session, "connects.billing_day") == 1  # nothing half-stored


def test_a_table_set_in_part_keeps_its_other_entries(db) -> None:
    with db.transaction() as session:
        settings.set_value(session, "connects.monthly_allocation", {"basic": 20})
        settings.reset(session, "connects.price_usd")
    with db.read() as session:
        assert settings.get(session, "connects.monthly_allocation") == {
            "basic": 20,
            "freelancer_plus": 100,
            "agency": 0,
        }


def test_parse_text_reads_what_a_person_types() -> None:
    assert settings.parse_text("connects.bundles", "10, 20,40") == [10, 20, 40]
    assert settings.parse_text("connects.bundles", "[10, 20]") == [10, 20]
    assert settings.parse_text("connects.refund_boost_when_outbid", "No") is False
    assert settings.parse_text("connects.monthly_allocation", "basic=20, agency=5") == {
        "basic": 20,
        "agency": 5,
    }
    assert settings.parse_text("proposal.max_length", "6,000") == 6000
    with pytest.raises(InputError, match="'basic' is not NAME=VALUE"):
        settings.parse_text("connects.monthly_allocation", "basic")
    with pytest.raises(InputError, match="takes true or false"):
        settings.parse_text("connects.refund_boost_when_outbid", "maybe")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["config", "get", "no.such"], "unknown setting 'no.such'"),
        (["config", "set", "backup.keep", "0"], "between 1 and 365"),
        (["config", "set", "connects.bundles", "10, x"], "item 2, takes a whole number"),
        (["config", "set", "score.maybe_threshold", "80"], "must be below the Apply score"),
        (["config", "set", "connects.refund_boost_when_outbid", "maybe"], "true or false"),
    ],
)
def test_pwb_config_refuses_bad_input_in_one_line(capsys, db, argv, message) -> None:
    from app.cli import main

    assert main(["--db", db.location, *argv]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
    with db.read() as session:
        assert settings.all_values(session) == {k: s.default for k, s in settings.SPECS.items()}


def test_pwb_config_list_shows_groups_titles_and_what_changed(capsys, db) -> None:
    from app.cli import main

    assert main(["--db", db.location, "config", "set", "connects.billing_day", "12"]) == 0
    assert capsys.readouterr().out == "connects.billing_day = 12\n"
    assert main(["--db", db.location, "config", "list"]) == 0
    out = capsys.readouterr().out
    for group in settings.GROUPS:
        assert f"{group}:\n" in out
    assert "connects.billing_day" in out and "12  (changed)" in out
    assert "Day of the month the free Connects arrive" in out
    assert main(["--db", db.location, "config", "reset", "connects.billing_day"]) == 0
    assert "= 1 (the default)" in capsys.readouterr().out
