"""Input nested, numbered or sized past any real use is one clean error; nothing is stored."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.cli import main
from app.errors import InputError
from app.importing import import_into, read_records, record_to_facts
from app.limits import (
    MAX_DESCRIPTION_CHARS,
    MAX_FIELD_CHARS,
    MAX_INT_DIGITS,
    MAX_KEY_PARTS,
    MAX_NESTING,
    check_toml,
    load_json,
)
from app.profiles import profile_from_toml
from app.replies import parse_reply_file
from app.scoring.facts_json import facts_from_json_text
from app.scoring.rules import parse_rules
from app.scoring.skills import parse_synonyms
from app.storage import Database
from app.storage.models import JobPosting

DEEP = 100_000


def nested(depth: int, opener: str = "[", closer: str = "]") -> str:
    return opener * depth + closer * depth


def count(db: Database) -> int:
    with db.transaction() as session:
        return session.scalar(select(func.count()).select_from(JobPosting)) or 0


# -- JSON ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [nested(DEEP), "[" * DEEP, '{"a":' * DEEP + "1" + "}" * DEEP, "[{" * (DEEP // 2)],
    ids=["arrays", "unclosed", "objects", "mixed"],
)
def test_deep_json_is_refused_before_parsing(text: str) -> None:
    with pytest.raises(InputError, match=f"nested deeper than {MAX_NESTING} levels"):
        load_json(text)


def test_the_nesting_limit_is_exact_and_names_the_line() -> None:
    assert load_json(nested(MAX_NESTING)) is not None
    with pytest.raises(InputError, match=r"\(line 3\)"):
        load_json("[\n1,\n" + nested(MAX_NESTING + 1) + "]")


def test_brackets_inside_strings_do_not_count() -> None:
    text = json.dumps({"title": "[" * 500 + '\\"{' * 500, "tags": ["a]", "{b"]})
    assert load_json(text)["tags"] == ["a]", "{b"]


def depth(value: object) -> int:
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return 1 + max(map(depth, value), default=0)
    return 0


_TRICKY = st.text(alphabet='[]{}"\\ab\n\u00e9\U0001f600', max_size=8)
_JSON = st.recursive(
    st.none() | st.integers() | st.floats(allow_nan=False) | _TRICKY,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_TRICKY, inner, max_size=3),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(_JSON, st.integers(MAX_NESTING - 10, MAX_NESTING + 2), st.booleans())
def test_the_scan_counts_exactly_what_json_nests(value, wrap: int, ascii_only: bool) -> None:
    text = "[" * wrap + json.dumps(value, ensure_ascii=ascii_only) + "]" * wrap
    if wrap + depth(value) > MAX_NESTING:
        with pytest.raises(InputError, match="nested deeper"):
            load_json(text)
    else:
        assert load_json(text) == json.loads(text)


def test_long_integers_are_refused_not_converted() -> None:
    assert load_json("1" * MAX_INT_DIGITS) == int("1" * MAX_INT_DIGITS)
    assert load_json("-" + "9" * MAX_INT_DIGITS) == -int("9" * MAX_INT_DIGITS)
    with pytest.raises(InputError, match="5,000 digits"):
        load_json('{"connects": ' + "1" * 5000 + "}")
    with pytest.raises(InputError, match=f"{MAX_INT_DIGITS + 1} digits"):
        load_json("1" * (MAX_INT_DIGITS + 1))


def test_json_that_is_not_json_still_says_so() -> None:
    with pytest.raises(json.JSONDecodeError):
        load_json('["unterminated')


# -- import ----------------------------------------------------------------------------------


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("deep.json", nested(DEEP), "deep.json: nested deeper than 64 levels"),
        ("deep.data", "[" * DEEP, "nested deeper than 64 levels"),  # format sniffed
        ("obj.data", '{"jobs": ' * DEEP, "nested deeper than 64 levels"),
        ("digits.json", '[{"title": "x", "connects": ' + "1" * 5000 + "}]", "5,000 digits"),
    ],
)
def test_import_of_a_file_over_a_limit_stores_nothing(db, tmp_path, name, text, message) -> None:
    with pytest.raises(InputError, match=message):
        import_into(db, write(tmp_path, name, text))
    assert count(db) == 0


def test_jsonl_lines_over_a_limit_are_row_errors(db, tmp_path: Path) -> None:
    lines = [
        json.dumps({"title": "fine"}),
        nested(DEEP),
        '{"title": "x", "connects": ' + "1" * 5000 + "}",
        json.dumps({"title": "long", "description": "x" * (MAX_DESCRIPTION_CHARS + 1)}),
    ]
    report = import_into(db, write(tmp_path, "rows.jsonl", "\n".join(lines)))
    assert [(e.row, e.message) for e in report.errors] == [
        (2, "nested deeper than 64 levels"),
        (3, "a number has 5,000 digits (at most 50 are read)"),
    ]
    assert count(db) == 0
    report = import_into(db, write(tmp_path, "rows.jsonl", "\n".join(lines)), skip_invalid=True)
    assert report.added == 2 and count(db) == 2
    assert [(n.row, n.message.split(" (")[0]) for n in report.notes] == [
        (
            4,
            f"description cut from {MAX_DESCRIPTION_CHARS + 1:,} to {MAX_DESCRIPTION_CHARS:,} characters",
        )
    ]


def test_csv_fields_over_their_limit_are_row_errors_naming_the_field(db, tmp_path: Path) -> None:
    out = io.StringIO()
    rows = csv.writer(out)
    rows.writerow(["title", "description", "skills", "link"])
    rows.writerow(["ok", "x" * MAX_DESCRIPTION_CHARS, "Python", "https://e.com/1"])
    rows.writerow(["t" * (MAX_FIELD_CHARS + 1), "fine", "Python", "https://e.com/2"])
    rows.writerow(["deep skills", "fine", "[" * (MAX_NESTING + 1), "https://e.com/3"])
    rows.writerow(["long link", "fine", "Python", "https://e.com/" + "x" * MAX_FIELD_CHARS])
    report = import_into(db, write(tmp_path, "rows.csv", out.getvalue()))
    assert [(e.row, e.message.split(" (")[0]) for e in report.errors] == [
        (2, "title is over 10,000 characters"),
        (3, "skills: nested deeper than 64 levels"),
        (4, "url is over 10,000 characters"),
    ]
    assert count(db) == 0


def test_graphql_skills_count_towards_the_field_limit() -> None:
    skills = [{"prettyName": "s" * 100} for _ in range(MAX_FIELD_CHARS // 100 + 1)]
    with pytest.raises(InputError, match="skills is over 10,000 characters"):
        record_to_facts({"title": "x", "ontologySkills": skills})


@pytest.mark.parametrize(
    "record",
    [
        {"title": "x", "connects": 10**30},
        {"title": "x", "reviews": "1" * 30},
        {"title": "x", "proposals": 1e30},
        {"title": "x", "proposals": "Proposals: 99999999999999999999999 to 1"},
    ],
)
def test_counts_a_database_cannot_hold_are_row_errors(record) -> None:
    with pytest.raises(InputError, match="is out of range"):
        record_to_facts(record)


def test_a_count_out_of_range_is_a_row_error_not_a_crash(db, tmp_path: Path) -> None:
    path = write(tmp_path, "big.json", '[{"title": "x", "connects": ' + "1" * 30 + "}]")
    report = import_into(db, path)
    assert report.errors[0].row == 1 and "connects" in report.errors[0].message
    assert count(db) == 0


def test_real_postings_stay_within_every_limit(db, shared_postings: Path) -> None:
    records = read_records(shared_postings)
    report = import_into(db, shared_postings)
    assert not report.errors and report.imported == len(records)


# -- the pwb parse --json object (pwb score / pwb draft) --------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"title": ' + nested(DEEP) + "}", "posting.json: nested deeper than 64 levels"),
        ('{"connects_required": ' + "1" * 5000 + "}", "posting.json: a number has 5,000 digits"),
    ],
)
def test_posting_objects_over_a_limit_are_input_errors(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        facts_from_json_text(text, "posting.json")


# -- TOML: profiles, rules, synonyms, reply front matter -------------------------------------

BAD_TOML = [
    ('name = "x"\nskills = ' + nested(DEEP), "nested deeper than 64 levels (line 2)"),
    ('name = "x"\nclient = ' + "{a = " * 1000 + "1" + "}" * 1000, "nested deeper than 64"),
    (
        'name = "x"\n' + "a." * 100_000 + "b = 1",
        f"a key has more than {MAX_KEY_PARTS} dotted parts",
    ),
    ("[" + "a." * 1000 + "b]", f"a key has more than {MAX_KEY_PARTS} dotted parts (line 1)"),
    ('name = "x"\nhourly_min = ' + "1" * 5000, "a number has more than 50 digits (line 2)"),
    ("x = 0x" + "f" * 5000, "a number has more than 50 digits"),
]


@pytest.mark.parametrize(("text", "message"), BAD_TOML)
def test_profile_toml_over_a_limit_is_refused(text: str, message: str) -> None:
    with pytest.raises(InputError, match=r"^profile\.toml: " + re.escape(message)):
        profile_from_toml(text, "profile.toml")


@pytest.mark.parametrize(("text", "message"), BAD_TOML[:1] + BAD_TOML[2:3] + BAD_TOML[4:5])
def test_every_toml_reader_checks_the_limits(text: str, message: str) -> None:
    for read in (parse_rules, parse_synonyms):
        with pytest.raises(InputError, match=message.split(" (")[0]):
            read(text)
    with pytest.raises(InputError, match="the front matter: " + message.split(" (")[0]):
        parse_reply_file("{#---\n" + text + "\n---#}\nHi")


def test_toml_limits_skip_strings_and_comments() -> None:
    text = (
        "# [[[[" + "[" * 100 + "\n"
        'title = "[[[' + "[" * 100 + ' a.b.c"\n'
        "body = '''\n" + "[" * 100 + "\n'''\n"
        'note = """ \\""" ' + "{" * 100 + '"""\n'
        '"a"."b".c = 1\n'
        "n = 1_000_000\nf = 3.14159\nd = 1979-05-27T07:32:00.999999-07:00\n"
        "x = " + nested(MAX_NESTING) + "\n"
        + ".".join("k" * MAX_KEY_PARTS) + " = 1\n"
    )  # fmt: skip
    check_toml(text)


# -- the command line: one line, the documented exit code, nothing stored ---------------------


def test_cli_refuses_each_limit_in_one_line(tmp_path: Path, capsys) -> None:
    db = str(tmp_path / "w.db")
    deep = write(tmp_path, "deep.json", nested(DEEP))
    digits = write(tmp_path, "digits.json", '[{"title": "x", "connects": ' + "1" * 5000 + "}]")
    posting = write(tmp_path, "posting.json", '{"title": ' + nested(DEEP) + "}")
    profile = write(tmp_path, "p.toml", 'name = "x"\nskills = ' + nested(DEEP))
    cases = [
        (["import", str(deep)], 1, "deep.json: nested deeper than 64 levels"),
        (["import", str(digits)], 1, "digits.json: a number has 5,000 digits"),
        (["score", str(posting)], 2, "posting.json: nested deeper than 64 levels"),
        (["draft", str(posting)], 2, "posting.json: nested deeper than 64 levels"),
        (["profile", "import", str(profile)], 2, "p.toml: nested deeper than 64 levels"),
    ]
    for argv, code, message in cases:
        assert main(["--db", db, *argv]) == code, argv
        out, err = capsys.readouterr()
        assert err.count("\n") == 1 and message in err and "internal error" not in err
    assert main(["--db", db, "jobs", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_a_5_mb_description_is_cut_to_the_setting_with_a_note(
    db, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app import settings
    from app.cli import main
    from app.storage.models import JobPosting

    huge = "word " * (1024 * 1024)  # 5 MB (the trailing space is stripped)
    path = write(
        tmp_path,
        "big.json",
        json.dumps([{"title": "Big one", "url": "https://x/big", "description": huge}]),
    )
    report = import_into(db, path)
    assert report.added == 1 and not report.errors
    assert [n.row for n in report.notes] == [1]
    assert "cut from 5,242,879 to 200,000 characters" in report.notes[0].message
    assert "import.max_description_chars" in report.notes[0].message
    with db.read() as session:
        assert len(session.query(JobPosting).one().description) == 200_000
    with db.transaction() as session:
        settings.set_value(session, "import.max_description_chars", 1000)
    assert main(["--db", db.location, "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "row 1: description cut from 5,242,879 to 1,000 characters" in out
    with db.read() as session:
        assert len(session.query(JobPosting).one().description) == 1000
