from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from typing import TypeVar

import pytest

from app.drafting.render import (
    MAX_OUTPUT_CHARS,
    check_syntax,
    fill_placeholders,
    find_fill_ins,
    render_template,
)

CTX = {
    "job": {"title": "Guesty Open API Integration", "skills": ["Python", "API"]},
    "client": {"country": "Canada"},
    "profile": {"name": "Dana"},
}


def test_known_variables_render_and_unknown_become_fill_ins() -> None:
    out = render_template(
        "Hi {{ client.name }}, re {{ job.title }} ({{ job.skills|join(', ') }}). "
        "{{ portfolio_link }} [Your rate]",
        CTX,
    )
    assert out.ok
    assert out.text == (
        "Hi [client.name], re Guesty Open API Integration (Python, API). "
        "[portfolio_link] [Your rate]"
    )
    assert out.fill_ins == ["client.name", "portfolio_link", "Your rate"]


def test_values_fill_variables_and_bracket_placeholders() -> None:
    out = render_template(
        "Hi {{ client.name }}! {{ link }} [Your Rate]",
        CTX,
        values={"client.name": "Ann", "link": "https://x.dev", "your rate": "$60/hr"},
    )
    assert out.text == "Hi Ann! https://x.dev $60/hr"
    assert out.fill_ins == []


def test_undefined_in_condition_is_not_a_fill_in() -> None:
    out = render_template("{% if client.name %}Hi {{ client.name }}{% else %}Hello{% endif %}", CTX)
    assert out.text == "Hello" and out.fill_ins == []


def test_include_resolves_snippets_by_name() -> None:
    snippets = {"intro/short": "Hi from {{ profile.name }}"}
    out = render_template('{% include "intro/short" %}!', CTX, snippets=snippets)
    assert out.text == "Hi from Dana!"


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ("ok\n{% for x in %}", 2, "syntax error"),
        ("a\nb\n{% include 'nope' %}", 3, "unknown snippet 'nope'"),
        ("{{ ''.__class__.__mro__ }}", 1, "not allowed"),
        ("{{ job.__init__.__globals__ }}", 1, "not allowed"),
        ("{{ job.skills.append('x') }}", 1, "not allowed"),
        ("\n{{ x + 1 }}", 2, "'x' is undefined"),
        ("{{ 'x' * 100000000 }}", 1, "grow past"),
        ("{{ 9 ** 999999999 }}", 1, "power"),
        ("{{ 'a'|center(999999999) }}", 1, "too large"),
        ("{{ range(10)|batch(10**9, 'x')|list }}", 1, "too large"),
        (
            "{% set ns = namespace(x=10**64) %}{% for i in range(30) %}"
            "{% set ns.x = ns.x * ns.x %}{% endfor %}{{ ns.x }}",
            1,
            "number grows larger",
        ),
    ],
)
def test_template_errors_come_back_with_line_and_message(body: str, line: int, words: str) -> None:
    out = render_template(body, CTX)
    assert not out.ok and out.text == ""
    assert out.problem is not None
    assert out.problem.line == line
    assert words in out.problem.message


def test_error_inside_a_snippet_names_the_snippet() -> None:
    out = render_template("a\n{% include 'x' %}", CTX, snippets={"x": "fine\n{{ 1 / 0 }}"})
    assert out.problem is not None
    assert (out.problem.reply, out.problem.line) == ("x", 2)
    assert str(out.problem) == "line 2 of snippet x: cannot render: division by zero"


def test_self_including_snippet_is_an_error_not_a_crash() -> None:
    out = render_template("{% include 'loop' %}", CTX, snippets={"loop": "{% include 'loop' %}"})
    assert out.problem is not None and "without end" in out.problem.message


def test_loop_bomb_stops_within_about_a_second() -> None:
    bomb = (
        "{% for a in range(100000) %}{% for b in range(100000) %}"
        "{% for c in range(100000) %}{% endfor %}{% endfor %}{% endfor %}"
    )
    out = render_template(bomb, CTX)  # the sandbox's own deadline stops it
    assert out.problem is not None and "longer than 0.8 s" in out.problem.message


def test_ten_megabytes_of_output_is_refused() -> None:
    out = render_template("{% for a in range(100000) %}{{ 'x' * 100 }}{% endfor %}", CTX)
    assert out.problem is not None and "100 KB" in out.problem.message
    assert MAX_OUTPUT_CHARS == 100_000


@pytest.mark.parametrize(
    "body",
    [
        "{% macro f(s, n) %}{% if n %}{{ f(s ~ s, n - 1) }}{% endif %}{% endmacro %}{{ f('a', 60) }}",
        "{% set ns = namespace(s='a') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}"
        "{% endfor %}{{ ns.s|length }}",
        "{% set s = 'a' * 5000 %}{{ s|replace('a', s) }}",
    ],
)
def test_values_that_double_are_stopped_early(body: str) -> None:
    out, peak = _with_peak_memory(lambda: render_template(body, CTX))
    assert peak < 50_000_000  # stopped before the value grew, whatever the machine's speed
    assert out.problem is not None and "grow" in out.problem.message


T = TypeVar("T")


def _with_peak_memory(run: Callable[[], T]) -> tuple[T, int]:
    tracemalloc.start()
    try:
        result = run()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


NESTED = (
    "{% set L = range(100000)|list %}{% set a = [L, L, L, L, L, L, L, L, L, L] %}"
    "{% set b = [a, a, a, a, a, a, a, a, a, a] %}{% set c = [b, b, b, b, b, b, b, b, b, b] %}"
)


@pytest.mark.parametrize(
    "tail",
    ["{{ c }}", "{{ c ~ '' }}", "{{ c|join(',') }}", "{{ c|string }}", "{{ '%s' % (c,) }}"],
)
def test_printing_a_shared_nested_list_is_refused_before_it_is_built(tail: str) -> None:
    out, peak = _with_peak_memory(lambda: render_template(NESTED + tail, CTX))
    assert peak < 50_000_000  # 100 million items were never turned into text
    assert out.problem is not None and "larger than 1,000,000 characters" in out.problem.message


def test_lipsum_is_not_available() -> None:
    out = render_template("{{ lipsum(100000) }}", CTX)
    assert out.problem is not None and "'lipsum' is undefined" in out.problem.message


def test_concatenation_still_works() -> None:
    assert render_template("{{ job.title ~ '!' ~ 3 }}", CTX).text == "Guesty Open API Integration!3"


def test_find_fill_ins_ignores_markdown_links() -> None:
    assert find_fill_ins("see [my site](https://x) and [Client Name], [Client Name]") == [
        "Client Name"
    ]


def test_fill_placeholders_ignores_case_and_underscores() -> None:
    assert fill_placeholders("Dear [Client_Name]", {"client name": "Bo"}) == "Dear Bo"


def test_check_syntax() -> None:
    assert check_syntax("{{ ok }}") is None
    problem = check_syntax("x\n{% if %}")
    assert problem is not None and problem.line == 2


def test_render_linked_says_where_each_fill_in_is_filled_or_not() -> None:
    from app.drafting.render import render_linked

    body = "Hi {{ client.name }}! See {{ link }} and [Your Rate]. Again: {{ link }}. [Answer 1]"
    values = {"client.name": "Ann", "link": "https://x.dev", "Your Rate": "", "Answer 1": ""}
    out = render_linked(body, CTX, values=values)
    assert out.text == render_template(body, CTX, values=values).text
    assert out.fill_ins == ["Your Rate", "Answer 1"]

    def at(label: str) -> list[str]:
        return [out.text[a:b] for a, b in out.spans[label]]

    assert at("client.name") == ["Ann"]
    assert at("link") == ["https://x.dev", "https://x.dev"]
    assert at("Your Rate") == ["[Your Rate]"] and at("Answer 1") == ["[Answer 1]"]


def test_render_linked_falls_back_to_markers_when_a_value_is_transformed() -> None:
    from app.drafting.render import render_linked

    out = render_linked("{{ name|upper }} [Link]", CTX, values={"name": "ann"})
    assert out.text == "ANN [Link]"
    assert out.spans == {"Link": [(4, 10)]}


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        ((0, 0, 3), (13, 20)),  # typed before: moves along
        ((10, 0, 2), (12, 19)),  # typed right before it: stays outside
        ((12, 0, 2), (10, 19)),  # typed inside: part of it
        ((17, 0, 2), (10, 17)),  # typed right after it: stays outside
        ((14, 3, 2), (10, 16)),  # its end typed over: still its value
        ((8, 4, 0), (8, 13)),  # its start deleted with text before it
        ((10, 7, 0), (10, 10)),  # deleted: empty
        ((9, 9, 0), (9, 9)),  # deleted with what was around it
        ((10, 7, 1), (10, 11)),  # typed over entirely: the new text is its value
        ((20, 2, 5), (10, 17)),  # after it: unchanged
        ((2, 3, 0), (7, 14)),  # before it: moves back
    ],
)
def test_a_fill_in_span_follows_the_edits_around_it(edit, expected) -> None:
    from app.drafting.render import moved_span

    assert moved_span((10, 17), *edit) == expected


def test_a_value_still_being_typed_grows_at_its_end() -> None:
    from app.drafting.render import moved_span

    assert moved_span((10, 17), 17, 0, 1, growing=True) == (10, 18)
    assert moved_span((10, 17), 10, 0, 1, growing=True) == (11, 18)  # before it: still outside
