"""A small rule of the rules file's shape, for tests that parse their own rules."""

from __future__ import annotations


def pay_first_rule(hint: str, pattern: str, rest: str = "") -> str:
    """A critical rule ``pay-first`` with one hint and one pattern (both written as in
    the file: a TOML string and a literal regular expression), then ``rest`` (more keys,
    concepts)."""
    return (
        "\n[[rule]]\n"
        'id = "pay-first"\n'
        'severity = "critical"\n'
        'title = "Asks you to pay"\n'
        "points = 40\n"
        f'hint = ["{hint}"]\n'
        f"patterns = ['''{pattern}''']\n" + rest
    )
