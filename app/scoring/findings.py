"""What the red-flag rules' patterns found in a posting, kept with the stored posting.

A rescore scores every posting again, for every profile, after any change of a
profile; the texts did not change, so what the patterns found in them did not either.
``job_posting.rule_findings`` keeps it as JSON: the scorer's version and the rules'
digest (a change of the matching bumps the version, as for the cards), a fingerprint of the
texts searched, and for each pattern rule without conditions its match (the rules
with conditions on the facts are listed when their hints are in the text, and
searched when their facts hold, as before). :func:`kept_findings` fills a posting's
text with them when both the rules and the text are the same; else it searches, fills
the text the same way, and returns the findings to store. Junk in the column is
searched over, never trusted.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from app.scoring.rules import Flag, PostingText, RuleSet, text_flag
from app.scoring.score import SCORER_VERSION

#: the findings' format (a change of it searches every posting again)
FORMAT = 1


def _rules_key(rules: RuleSet) -> str:
    """What the findings were found with: the scorer's version (bumped when the matching
    changes, as for the cards) and the rules' digest."""
    return f"s{SCORER_VERSION}-r{rules.digest}"


def fingerprint(text: PostingText) -> str:
    """A digest of the texts the rules read (title, description, the rest pasted, and
    the raw text when it is at hand: evidence there points into it)."""
    digest = hashlib.blake2b(digest_size=12)
    for part in (text.title, text.description, text.pasted, text.rest.raw or ""):
        data = part.encode("utf-8", "surrogatepass")
        digest.update(b"%d:" % len(data))
        digest.update(data)
    return digest.hexdigest()


def kept_findings(rules: RuleSet, text: PostingText, stored: str | None) -> str | None:
    """Fill ``text`` (kept for the profiles that score it, :meth:`PostingText.keep_findings`)
    with what ``rules``' patterns find in it: from ``stored`` (a posting's
    ``rule_findings``) when they are these rules' findings of this very text, else
    searched now. Returns the findings to store, or None when ``stored`` held (or the
    rules have no digest to keep them under)."""
    text.keep_findings()
    if not rules.digest:
        return None
    mark = fingerprint(text)
    if stored and _fill(rules, text, stored, mark):
        return None
    found, conditional = _search(rules, text)
    doc = {
        "v": FORMAT,
        "rules": _rules_key(rules),
        "text": mark,
        "found": found,
        "open": conditional,
    }
    return json.dumps(doc, separators=(",", ":"), ensure_ascii=False)


def _search(rules: RuleSet, text: PostingText) -> tuple[list[list[Any]], list[str]]:
    """Search every pattern rule without conditions (kept in ``text``), whatever a profile
    switched off; list the opened ones with conditions (searched when their facts hold)."""
    gate = rules.gate
    opened = gate.open_rules(text)
    seen = text.seen
    assert seen is not None
    seen[None] = (gate.hints, opened)
    found: list[list[Any]] = []
    conditional: list[str] = []
    for at, rule, hinted, conditions in gate.pattern_rules:
        if hinted and at not in opened:
            continue  # none of its hints is in the text: it finds nothing
        if conditions:
            conditional.append(rule.id)
            continue
        flag = text_flag(rule, text, hinted)
        seen[rule.id] = (rule, flag)
        if flag is not None:
            found.append([rule.id, flag.field, flag.start, flag.end, flag.evidence])
    return found, conditional


def _fill(rules: RuleSet, text: PostingText, stored: str, mark: str) -> bool:
    """``text`` filled from ``stored``; False (nothing filled) when they are another rule
    set's, another text's, or not findings at all."""
    try:
        doc = json.loads(stored)
        if not (
            isinstance(doc, dict)
            and doc.get("v") == FORMAT
            and doc.get("rules") == _rules_key(rules)
            and doc.get("text") == mark
        ):
            return False
        at_of = rules.gate.position
        opened = {at_of[rule_id] for rule_id in doc["open"]}
        hits = {}
        for rule_id, where, start, end, evidence in doc["found"]:
            at = at_of[rule_id]
            if not (isinstance(where, str) and isinstance(evidence, str)):
                return False
            hits[at] = (where, _offset(start), _offset(end), evidence)
    except (ValueError, TypeError, KeyError):
        return False
    seen = text.seen
    assert seen is not None
    gate = rules.gate
    for _, rule, _, _ in gate.unhinted:  # searched on every posting: found nothing here
        seen[rule.id] = (rule, None)
    for at, (where, start, end, evidence) in hits.items():
        rule = rules.rules[at]
        flag = Flag(
            rule.id, rule.severity, rule.title, evidence, rule.weighted_points, where, start, end
        )
        seen[rule.id] = (rule, flag)
        opened.add(at)
    seen[None] = (gate.hints, opened)  # a hinted rule left out found nothing here
    return True


def _offset(value: Any) -> int | None:
    if value is None or (isinstance(value, int) and not isinstance(value, bool) and value >= 0):
        return value
    raise TypeError("not an offset")
