"""A list of postings inside a wrapper object (``{"jobs": [...]}``, GraphQL
``{"data": {"search": {"results": [...]}}}``, ``{"items": [...], "total": N}``) is
streamed item by item, like a top-level array (issue 11: memory bounded by a posting,
not by the file). The list chosen is the one the whole-document reader chose
(``_find_list`` over ``json.loads``), the errors are the same kind, a limit refuses the
file before any posting is given, and a bad file stores nothing."""

from __future__ import annotations

import json
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app.errors import InputError
from app.importing import import_into, reading
from app.importing.reading import _find_list, open_import
from app.limits import MAX_NESTING, load_json
from app.storage.models import JobPosting

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def _posting(i: int) -> dict[str, Any]:
    return {
        "title": f"Job {i}",
        "url": f"https://x.example/{i}",
        "description": f"Build thing number {i}. " * 8,
        "skills": ["Python", "Django"],
    }


def _records(path: Path) -> list[Any]:
    source = open_import(path, "json")
    return [item for _, item in source.records()]


def _whole(text: str) -> list[Any] | None:
    """What the whole-document reader chose (the reference)."""
    data = json.loads(text)
    return _find_list(data) if isinstance(data, dict) else None


def _write(tmp_path: Path, text: str, name: str = "jobs.json") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# -- the choice of list: the same as the whole-document reader's ----------------------------

SHAPES = {
    "jobs key first": lambda items: {"jobs": items, "total": len(items), "page": 1},
    "jobs key last": lambda items: {"total": len(items), "meta": {"a": [1, 2]}, "jobs": items},
    "items with total": lambda items: {"items": items, "total": len(items)},
    "graphql results": lambda items: {"data": {"search": {"results": items}}},
    "graphql edges/node": lambda items: {
        "data": {
            "search": {
                "pageInfo": {"hasNextPage": False},
                "edges": [{"node": item} for item in items],
            }
        }
    },  # fmt: skip
    "several lists: preferred key wins": lambda items: {
        "tags": [{"x": 1}],
        "errors": [],
        "results": items,
        "items": [{"title": "not me"}],
    },
    "several lists: jobs before data": lambda items: {"data": [{"title": "no"}], "jobs": items},
    "list only in a nested object": lambda items: {"meta": {"n": 1}, "page": {"results": items}},
    "preferred key not a list, next one is": lambda items: {"jobs": 3, "results": items},
    "data is a dict without list, then another": lambda items: {
        "data": {"x": 1},
        "other": {"postings": items},
    },
    "deep within six levels": lambda items: {"a": {"b": {"c": {"d": {"e": {"jobs": items}}}}}},
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
@pytest.mark.parametrize("n", [0, 1, 300])
def test_each_wrapper_shape_streams_the_list_the_whole_reader_chose(
    tmp_path: Path, shape: str, n: int
) -> None:
    items = [_posting(i) for i in range(n)]
    document = SHAPES[shape](items)
    text = json.dumps(document, indent=1)
    expected = _whole(text)
    assert expected is not None
    assert _records(_write(tmp_path, text)) == expected
    if shape.startswith(("jobs", "items", "graphql")):
        assert expected == items  # and the reference is the postings themselves


def test_a_list_nested_too_deep_is_not_found_as_before(tmp_path: Path) -> None:
    text = json.dumps({"a": {"b": {"c": {"d": {"e": {"f": {"g": {"jobs": [{"t": 1}]}}}}}}}})
    assert _whole(text) is None
    with pytest.raises(InputError, match="holds a JSON object, not a list of postings"):
        _records(_write(tmp_path, text))


def test_an_object_with_no_list_is_refused_as_before(tmp_path: Path) -> None:
    for text in ('{"title": "one posting", "url": "https://x.example"}', "{}", '{"a": {}}'):
        with pytest.raises(InputError, match=r"jobs.json holds a JSON object, not a list"):
            _records(_write(tmp_path, text))


def test_a_key_given_twice_takes_the_last_value_in_the_first_place(tmp_path: Path) -> None:
    text = '{"jobs": [{"title": "first"}], "x": 1, "jobs": [{"title": "last"}, {"title": "2"}]}'
    assert _records(_write(tmp_path, text)) == _whole(text) == [{"title": "last"}, {"title": "2"}]
    text = '{"other": {"jobs": [{"t": 1}]}, "items": 5, "other": {"results": [{"t": 2}]}}'
    assert _records(_write(tmp_path, text)) == _whole(text) == [{"t": 2}]


def test_edges_are_unwrapped_only_when_every_item_is_a_node(tmp_path: Path) -> None:
    text = json.dumps({"edges": [{"node": {"t": 1}}, {"t": 2}]})
    assert _records(_write(tmp_path, text)) == _whole(text) == [{"node": {"t": 1}}, {"t": 2}]
    text = json.dumps({"edges": [{"node": {"t": 1}}, {"node": {"t": 2}}]})
    assert _records(_write(tmp_path, text)) == _whole(text) == [{"t": 1}, {"t": 2}]


def test_non_object_items_are_given_as_they_are(tmp_path: Path) -> None:
    text = json.dumps({"jobs": [1, "two", None, [3], {"title": "ok"}, True]})
    assert _records(_write(tmp_path, text)) == _whole(text)


_KEYS = st.sampled_from(["jobs", "results", "items", "postings", "edges", "data", "meta", "x"])
_SCALARS = st.none() | st.booleans() | st.integers(-1000, 1000) | st.text(max_size=6)
_ITEMS = st.lists(
    _SCALARS | st.dictionaries(st.sampled_from(["title", "node", "url"]), _SCALARS, max_size=2)
    | st.builds(lambda v: {"node": v}, _SCALARS), max_size=4,
)  # fmt: skip
_WRAPPERS = st.recursive(
    st.dictionaries(_KEYS, _SCALARS | _ITEMS, max_size=3),
    lambda inner: st.dictionaries(_KEYS, inner | _ITEMS | _SCALARS, min_size=1, max_size=4),
    max_leaves=10,
)


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(document=_WRAPPERS, chunk=st.integers(1, 48), indent=st.sampled_from([None, 2]))
def test_any_wrapper_gives_what_the_whole_reader_gave(tmp_path, document, chunk, indent) -> None:
    text = json.dumps(document, indent=indent)
    expected = _whole(text)
    path = _write(tmp_path, text)
    old = reading._JSON_CHUNK
    reading._JSON_CHUNK = chunk
    try:
        if expected is None:
            with pytest.raises(InputError, match="not a list of postings"):
                _records(path)
        else:
            assert _records(path) == expected
    finally:
        reading._JSON_CHUNK = old


# -- junk: refused whole, naming the line; nothing stored ------------------------------------


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"jobs": [{"title": "a"},\n {"title": "b"}', "not closed with ] (line 2)"),
        ('{"jobs": [{"title": "a"},\n {"title": "b"}]', "not closed with } (line 2)"),
        ('{"jobs": [{"title": "a"},\n {"title": "b",}]}', "(line 2)"),
        ('{"jobs": [{"title": "a"}],\n "total": 2,\n}', "expected a key in quotes (line 3)"),
        ('{"jobs": [{"title": "a"}]\n "total": 2}', "expected , or } after a value (line 2)"),
        ('{"jobs" [{"title": "a"}]}', "expected : after a key"),
        ('{"jobs": [{"title": "a"}]} [1]', "more text after the closing }"),
        ('{"total": tru,\n"jobs": []}', "Expecting value (line 1)"),
        ('{"jobs": [{"title": "a"},]}', "a comma before ]"),
        ('{"meta": {"a": 1,\n\n "b" 2}, "jobs": []}', "line 3"),
    ],
)
def test_a_broken_wrapper_is_refused_naming_the_line(tmp_path, text: str, message: str) -> None:
    with pytest.raises(InputError, match="jobs.json is not valid JSON") as caught:
        _records(_write(tmp_path, text))
    assert message in caught.value.message and "nothing was imported" in caught.value.message


@pytest.mark.parametrize("opening", ["{", "["])
def test_lines_count_the_blank_lines_before_the_document(tmp_path, opening: str) -> None:
    body = '"jobs": [{"title": "a"},\n {"title": "b",}]}' if opening == "{" else '{"t": 1},\n tru]'
    text = "\ufeff\n\n  \n" + opening + "\n" + body
    with pytest.raises(InputError, match=r"\(line 6\)"):
        _records(_write(tmp_path, text))


def test_a_truncated_file_is_refused_before_any_posting(tmp_path: Path) -> None:
    text = json.dumps({"data": {"search": {"results": [_posting(i) for i in range(50)]}}})
    for cut in (len(text) // 3, len(text) - 3, len(text) - 1):
        source = open_import(_write(tmp_path, text[:cut]), "json")
        records = source.records()
        with pytest.raises(InputError, match="is not valid JSON"):
            next(records)  # the first posting is never given: the file is checked first


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("in the list", "nested deeper than 64 levels"),
        ("after the list", "nested deeper than 64 levels"),
        ("digits", "a number has 5,000 digits"),
    ],
)
def test_a_limit_refuses_the_file_before_any_posting(tmp_path, where: str, message: str) -> None:
    deep = "[" * (MAX_NESTING + 2) + "]" * (MAX_NESTING + 2)
    items = [json.dumps(_posting(i)) for i in range(3)]
    if where == "in the list":
        text = '{"jobs": [' + ", ".join([*items, deep]) + "]}"
    elif where == "after the list":
        text = '{"jobs": [' + ", ".join(items) + '], "meta": ' + deep + "}"
    else:
        text = '{"jobs": [' + ", ".join(items) + '], "total": ' + "1" * 5000 + "}"
    records = open_import(_write(tmp_path, text), "json").records()
    with pytest.raises(InputError, match=f"jobs.json: {message}"):
        next(records)


def test_the_nesting_limit_counts_the_wrapper_as_the_whole_reader_did(tmp_path: Path) -> None:
    """A posting inside 4 brackets may nest 60 more levels, not 64 (as json over the whole file)."""

    def nested(levels: int) -> str:
        return '{"a": ' * levels + "1" + "}" * levels

    fits = '{"data": {"search": {"results": [' + nested(MAX_NESTING - 4) + "]}}}"
    load_json(fits)
    assert len(_records(_write(tmp_path, fits))) == 1
    over = '{"data": {"search": {"results": [' + nested(MAX_NESTING - 3) + "]}}}"
    with pytest.raises(InputError, match="nested deeper than 64 levels"):
        load_json(over)
    with pytest.raises(InputError, match="nested deeper than 64 levels"):
        _records(_write(tmp_path, over))


def test_a_broken_wrapped_file_imports_nothing(db, tmp_path: Path) -> None:
    good = ", ".join(json.dumps(_posting(i)) for i in range(1500))
    path = _write(tmp_path, '{"jobs": [' + good + '],\n "total": 1500,,}')
    with pytest.raises(InputError, match=r"jobs.json is not valid JSON: .*\(line 2\)"):
        import_into(db, path, now=NOW)
    with db.read() as session:
        assert session.scalar(select(func.count()).select_from(JobPosting)) == 0


def test_a_wrapped_file_imports_in_batches_with_progress(db, tmp_path: Path) -> None:
    rows = [_posting(i) for i in range(2500)]
    path = _write(tmp_path, json.dumps({"data": {"jobs": {"edges": [{"node": r} for r in rows]}},
                                        "extensions": {"cost": 3}}, indent=1))  # fmt: skip
    calls: list[int] = []
    report = import_into(db, path, now=NOW, progress=lambda done, total: calls.append(done))
    assert (report.added, report.errors) == (2500, [])
    assert calls == sorted(calls) and len({c for c in calls if 0 < c < path.stat().st_size}) > 1
    with db.read() as session:
        titles = set(session.scalars(select(JobPosting.title)))
    assert titles == {r["title"] for r in rows}


# -- memory: flat when the file grows ×4 ------------------------------------------------------


def _peak_reading(path: Path) -> int:
    source = open_import(path, "json")
    tracemalloc.start()
    try:
        count = sum(1 for _ in source.records())
        return tracemalloc.get_traced_memory()[1] if count else 0
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize(
    "shape", ["jobs key first", "jobs key last", "graphql edges/node", "items with total"]
)
def test_reading_memory_stays_flat_when_the_file_grows_four_times(tmp_path, shape) -> None:
    small = _write(
        tmp_path, json.dumps(SHAPES[shape]([_posting(i) for i in range(2000)])), "s.json"
    )
    big = _write(tmp_path, json.dumps(SHAPES[shape]([_posting(i) for i in range(8000)])), "b.json")
    assert big.stat().st_size > 3.9 * small.stat().st_size > 2_000_000
    peak_small, peak_big = _peak_reading(small), _peak_reading(big)
    assert peak_big < 1.3 * peak_small + 100_000, (peak_small, peak_big)
    assert peak_big < small.stat().st_size  # below even the small file's text (chunks of 64K)
    # the whole-document reader held the text and every posting: its peak grew with the file
    tracemalloc.start()
    try:
        assert len(open_import(big, "json")._load_json()) == 8000
        whole = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert whole > 8 * peak_big, (whole, peak_big)
