"""Widths, paddings and repeats in a saved reply are refused before the memory is taken.

Each body asks Python for hundreds of megabytes to gigabytes in one call (a format
width, a separator times a count, a prefix times every line). The sandbox must see
the size coming from the arguments and stop first: the peak traced memory of the
whole render stays under 50 MB, where building the value would take 1 GB or more.
"""

from __future__ import annotations

import tracemalloc

import pytest

from app.drafting.render import MAX_VALUE_CHARS, render_template

PEAK_LIMIT = 50 * 1024 * 1024

BOMBS = [
    # str.format / format_map: the width in the spec, a nested width, many fields
    "{{ '{:>1000000000}'.format('a') }}",
    "{{ '{0:>1000000000}'.format('a') }}",
    "{{ '{!r:>1000000000}'.format('a') }}",
    "{{ '{:{w}}'.format('a', w=1000000000) }}",
    "{{ '{:>{}}'.format('a', 999999999) }}",
    "{{ '{:.1000000000f}'.format(1.0) }}",
    "{{ ('{:>' ~ 10**9 ~ '}').format('a') }}",
    "{{ '{a:>{b}}'.format_map({'a': 'x', 'b': 10**9}) }}",
    "{{ ('{0}' * 1000).format('x' * 999999) }}",
    "{{ ('{:>99999}' * 1000).format(*range(1000)) }}",
    "{{ (('{0}' * 1000)|safe).format('x' * 999999) }}",
    "{% set f = ('{0}' * 1000).format %}{{ f('x' * 999999) }}",
    # %-formatting: widths, * widths and precisions, one mapping value printed many times
    "{{ '%1000000000s' % 'a' }}",
    "{{ '%*d' % (1000000000, 1) }}",
    "{{ '%.*f' % (1000000000, 1.0) }}",
    "{{ ('%99999s' * 1000) % ((1,) * 1000) }}",
    "{{ ('%(a)s' * 1000) % {'a': 'x' * 900000} }}",
    # the format filter (it is %-formatting)
    "{{ '%1000000000s'|format('a') }}",
    "{{ '%*s'|format(1000000000, 'a') }}",
    # repeats, padding methods and filters
    "{{ 'x' * 10**9 }}",
    "{{ 'a'.center(1000000000) }}",
    "{{ 'a'.ljust(10**9) }}",
    "{{ 'a'.rjust(10**9, '-') }}",
    "{{ 'a'.zfill(10**9) }}",
    "{{ 'a'|center(1000000000) }}",
    "{{ ('x\t' * 400000).expandtabs(1000) }}",
    "{{ ('x\\n' * 400000)|indent(1000) }}",
    "{{ ('x\\n' * 400000)|indent('y' * 1000) }}",
    "{{ 'a b'|wordwrap(1000000000) }}",
    "{{ ('a ' * 400000)|wordwrap(1, wrapstring='y' * 1000) }}",
    # joins: a long separator times many items
    "{{ ('y' * 1000).join('x' * 999999) }}",
    "{{ ('y' * 1000).join(['a'] * 99999) }}",
    "{{ ('x' * 999999)|join('y' * 1000) }}",
    "{{ range(99999)|join('y' * 1000) }}",
    "{{ ('x' * 999999)|replace('x', 'yy') }}",
    "{{ ('x' * 999999).translate(''.maketrans({'x': 'y' * 1000})) }}",
    "{{ (range(1000)|list)|tojson(indent=999999) }}",
    "{{ range(10)|slice(10**9)|list }}",
    "{{ range(10)|batch(10**9, 'x')|list }}",
    "{{ range(99999)|map('string')|join('y' * 1000) }}",
]


@pytest.mark.parametrize("body", BOMBS)
def test_a_size_bomb_is_refused_before_it_allocates(body: str) -> None:
    tracemalloc.start()
    try:
        out = render_template(body, {})
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert not out.ok and out.problem is not None and out.problem.line == 1
    assert peak < PEAK_LIMIT, f"{peak / 2**20:.0f} MB traced before refusing: {out.problem}"
    assert "\n" not in out.problem.message


@pytest.mark.parametrize(
    ("body", "text"),
    [
        ("{{ '{:,.2f} and {}'.format(1234.5, 'b') }}", "1,234.50 and b"),
        ("{{ '{0:>{1}}|'.format('ab', 6) }}", "    ab|"),
        ("{{ '{a}-{b}'.format_map({'a': 1, 'b': 2}) }}", "1-2"),
        ("{{ ('{0}' * 3).format('ab') }}", "ababab"),
        ("{{ '%(a)s/%(b)05d' % {'a': 1, 'b': 7} }}", "1/00007"),
        ("{{ '%5.1f%%' % 12.34 }}", " 12.3%"),
        ("{{ '%*d|' % (4, 7) }}", "   7|"),
        ("{{ '%s, %s'|format('a', 'b') }}", "a, b"),
        ("{{ 'x'|center(5) }}|{{ 'x'.rjust(3, '.') }}", "  x  |..x"),
        ("{{ 'a\tb'.expandtabs(4) }}", "a   b"),
        ("{{ 'a\nb'|indent(2, first=True) }}", "  a\n  b"),
        ("{{ 'one two three four'|wordwrap(9) }}", "one two\nthree\nfour"),
        ("{{ ['a', 'b']|map('upper')|join('-') }}|{{ ', '.join(['c', 'd']) }}", "A-B|c, d"),
        ("{{ 'ab'.translate({97: 'AA'}) }}", "AAb"),
        ("{{ [1, 2]|tojson(indent=2) }}", "[\n  1,\n  2\n]"),
        (
            "{{ range(5)|slice(2)|list }}|{{ range(3)|batch(2, 0)|list }}",
            "[[0, 1, 2], [3, 4]]|[[0, 1], [2, 0]]",
        ),
        ("{{ 'abcdef'|truncate(4, leeway=0) }}|{{ 'aab'|replace('a', 'x', 1) }}", "a...|xab"),
        ("{{ ('{:>' ~ 4 ~ '}').format('a') }}", "   a"),
        ("{{ 'x' * 10 }}", "xxxxxxxxxx"),
    ],
)
def test_ordinary_formatting_still_works(body: str, text: str) -> None:
    out = render_template(body, {})
    assert out.ok, out.problem
    assert out.text == text


def test_up_to_the_value_limit_is_allowed() -> None:
    width = MAX_VALUE_CHARS - 100
    out = render_template("{{ ('{:>" + str(width) + "}'.format('a'))|length }}", {})
    assert out.ok and out.text == str(width)


def test_bytes_cannot_be_made() -> None:
    out = render_template("{{ ('x' * 999999).encode() * 1000 }}", {})
    assert out.problem is not None and "not allowed" in out.problem.message
