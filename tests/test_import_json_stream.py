"""A JSON array file is read item by item (issue 11: bounded memory, like JSONL): the
items are exactly what ``json.loads`` reads, whatever the chunk boundaries, and a file
that is not JSON is refused as a whole, naming the line."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.errors import InputError
from app.importing import import_into, reading
from app.importing.reading import stream_json_array
from app.limits import MAX_NESTING

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**30), 10**30)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=12,
)  # fmt: skip


def _stream(text: str, name: str = "x.json") -> list:
    source = io.StringIO(text)
    assert source.read(1) == "["
    return [item for _, item in stream_json_array(source, name)]


@settings(max_examples=150, deadline=None)
@given(items=st.lists(_json_values, max_size=8), chunk=st.integers(1, 40),
       indent=st.sampled_from([None, 0, 2]))  # fmt: skip
def test_items_are_what_json_loads_reads_at_any_chunk_size(items, chunk, indent) -> None:
    text = json.dumps(items, indent=indent, ensure_ascii=False)
    expected = [v["node"] if isinstance(v, dict) and list(v) == ["node"] else v for v in items]
    old = reading._JSON_CHUNK
    reading._JSON_CHUNK = chunk
    try:
        assert _stream(text) == expected
    finally:
        reading._JSON_CHUNK = old


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[{"title": "a"},\n {"title": "b"', "(line 2)"),
        ('[{"title": "a"},\n {"title": "b"}', "not closed with ] (line 2)"),
        ('[{"title": "a"}\n {"title": "b"}]', "expected , or ] after a posting (line 2)"),
        ('[{"title": "a"},\n\n {"title": "b",}]', "line 3"),
        ('[{"title": "a"},]', "a comma before ]"),
        ('[{"title": "a"}] {"x": 1}', "more text after the list"),
        ('[{"title": "a"}, tru]', "Expecting value"),
    ],
)
def test_text_that_is_not_json_is_refused_naming_the_line(text: str, message: str) -> None:
    with pytest.raises(InputError, match="nothing was imported") as caught:
        _stream(text)
    assert message in caught.value.message


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ("[" * (MAX_NESTING + 2) + "]" * (MAX_NESTING + 2), "nested deeper than 64 levels"),
        ("[" * 5000 + "]" * 5000, "nested deeper than 64 levels"),
        ('{"n": ' + "1" * 5000 + "}", "a number has 5,000 digits"),
    ],
)
def test_an_item_over_a_limit_refuses_the_file_as_before(item: str, message: str) -> None:
    """As a JSON document over a limit always was (JSONL makes it a row error instead)."""
    with pytest.raises(InputError, match=f"x.json: {message}"):
        _stream(f'[{{"title": "a"}},\n {item}, {{"title": "b"}}]')


def test_a_posting_longer_than_many_chunks_is_read_whole(monkeypatch) -> None:
    monkeypatch.setattr(reading, "_JSON_CHUNK", 64)
    long = "word " * 20_000
    assert _stream(json.dumps([{"d": long}, {"d": "x"}])) == [{"d": long}, {"d": "x"}]


def test_an_empty_list_and_white_space() -> None:
    assert _stream("[ \n ]\n") == []
    assert _stream('[\n  {"a": 1}\n]\n\n') == [{"a": 1}]


def test_a_json_array_file_imports_in_batches_with_progress(db, tmp_path: Path) -> None:
    rows = [
        {"title": f"Job {i} &amp; more", "url": f"https://x.example/{i}", "skills": ["Go"],
         "client_industry": "Tech"}
        for i in range(2500)
    ]  # fmt: skip
    path = tmp_path / "jobs.json"
    path.write_text("\ufeff" + json.dumps(rows, indent=1), encoding="utf-8")
    calls: list[int] = []
    report = import_into(db, path, now=NOW, progress=lambda done, total: calls.append(done))
    assert (report.added, report.errors) == (2500, [])
    # progress moves with the bytes read, while the file is being read (not only at the end)
    assert calls == sorted(calls) and len({c for c in calls if 0 < c < path.stat().st_size}) > 1


def test_a_broken_json_array_imports_nothing(db, tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    path.write_text('[{"title": "a", "url": "https://x.example/1"},\n{"title": "b" "url": 1}]')
    with pytest.raises(InputError, match=r"jobs.json is not valid JSON: .*\(line 2\)"):
        import_into(db, path, now=NOW)
    from sqlalchemy import func, select

    from app.storage.models import JobPosting

    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(JobPosting)) == 0
