"""The rest of a paste: the lines the parser placed nowhere, kept for the red-flag rules.

Computed once, when the text is parsed (and stored with the posting as
``unplaced_text``), so scoring reads a few short lines instead of the whole raw text:
the lines of the raw text that are not in the title, the description, the skills or
the screening questions, without the page's own labels and facts ("Posted 3 hours
ago", "Payment method verified", "4.8 of 12 reviews"), which the parser reads as facts.
A posting pasted in a layout the parser does not know keeps all its lines here.
"""

from __future__ import annotations

import re

from app.domain import PostingFacts

#: lines of Upwork's (and similar) pages that are labels or facts, never a client's words
_PAGE_LINE = re.compile(
    r"^(?:"
    r"(?:Posted|Renewed)\b.*|Worldwide|Anywhere|Remote(?: Job)?|Summary|Featured|Share|More|Back"
    r"|Job details|Save job|Flag as inappropriate|Apply now|Submit a proposal|View job posting"
    r"|Copy link|See more|Show more|less|-|–"
    r"|Fixed[- ]price|Hourly|Entry level|Intermediate|Expert|Project length|Duration"
    r"|Experience level|Project Type:.*|Complex project|Ongoing project|One-time project"
    r"|Contract-to-hire.*|Skills and Expertise|Skills|Mandatory skills|Nice-to-have skills"
    r"|Preferred qualifications|Activity on this job|About the client|Member since.*"
    r"|Proposals\s*:.*|Last viewed by client\s*:.*|Interviewing\s*:.*|Invites sent\s*:.*"
    r"|Unanswered invites\s*:.*|Hires\s*:.*|Send a proposal for\s*:.*|Available Connects\s*:.*"
    r"|Required Connects.*|Connects to apply.*"
    r"|Payment (?:method )?(?:is )?(?:verified|unverified|not verified)"
    r"|Phone number verified|Rating is .*"
    r"|[\d.,]+ of [\d.,]+ reviews?|[\d.,]+ reviews?|\d[\d,]* jobs? posted"
    r"|\d+% hire rate.*|\d[\d,]* open jobs?|\$[\d.,]+[KkMm]?\+? (?:total )?spent"
    r"|\d[\d,]* hires?.*|\$[\d.,]+ ?/hr avg hourly rate paid|[\d,]+ hours?"
    r"|(?:Less|More) than .*|\d+ to \d+ (?:months?|weeks?).*"
    r"|\$?[\d.,]+[KkMm]?(?: ?/ ?hr)?"
    r")$",
    re.IGNORECASE,
)


def unplaced_lines(raw: str | None, *placed: str | None) -> str:
    """The lines of ``raw`` that are in none of the ``placed`` texts and are no page label
    or fact, joined by newlines; "" when there are none."""
    if not raw:
        return ""
    fields = [p for p in placed if p]
    rest = raw
    for text in fields:
        if len(text) >= 40:
            rest = rest.replace(text, "\n", 1)
    joined = "\n".join(fields)
    kept = []
    for line in rest.split("\n"):
        core = line.strip()
        if core and core not in joined and not _PAGE_LINE.match(core):
            kept.append(core)
    return "\n".join(kept)


def rest_of(facts: PostingFacts) -> str:
    """:func:`unplaced_lines` of a parsed posting."""
    return unplaced_lines(
        facts.raw_text,
        facts.description,
        facts.title,
        "\n".join(facts.skills) if facts.skills else None,
        "\n".join(facts.screening_questions) if facts.screening_questions else None,
    )
