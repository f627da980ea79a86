"""Proposal checks: what to fix before a proposal costs Connects.

Each check has a rule id and a plain message, and points at the text it is
about (``start``/``end``) where there is one, so the editor can jump there.
:func:`check_proposal` is pure and fast; :func:`load_check_context` gathers
what it needs from the database once per draft.
"""

from __future__ import annotations

import functools
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import settings
from app.domain import PostingFacts
from app.domain import ProposalStatus as S
from app.drafting.context import skill_names
from app.drafting.render import FILL_IN_RE
from app.errors import InputError
from app.storage.models import JobPosting, Profile, Proposal

SIMILARITY_LIMIT = 0.6
SHINGLE_WORDS = 5
MAX_COMPARED = 300
MAX_SPELLING_LINTS = 15


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: words a spelling dictionary lacks that every freelancer's proposal uses
TECH_WORDS = _word_set(
    """api apis backend frontend fullstack devops saas crm cms seo sql nosql json csv xml
    html css js ui ux javascript typescript nodejs django flask fastapi laravel wordpress
    shopify woocommerce webflow figma postgresql postgres mysql sqlite mongodb redis docker
    kubernetes aws gcp azure github gitlab ci cd ios android kotlin swift flutter nextjs vue
    vuejs react reactjs angular tailwind bootstrap graphql rest restful webhook webhooks
    oauth stripe paypal zapier airtable hubspot salesforce chatbot chatbots llm llms openai
    gpt pdf pdfs app apps url urls plugin plugins dashboard dashboards scraper scrapers
    scraping workflow workflows onboarding upwork linkedin eg ie etc async dataset datasets
    config codebase repo wireframe wireframes mockup mockups timezone freelancer walkthrough loom"""
)

_STOPWORDS = _word_set(
    """a about above after again all also am an and any are as at be been before being
    below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers him his how i if in into is it its just
    me more most my no nor not now of off on once only or other our ours out over own same
    she should so some such than that the their them then there these they this those
    through to too under until up very was we were what when where which while who whom why
    will with would you your yours need needed needs looking want wants help someone project
    work working job please must able ideal candidate experience experienced expert
    developer looking seeking required requirements skills skill strong good great team
    person freelancer hire hiring new using use make get like well know ensure provide"""
)

_WORD_RE = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
# Every pattern is bounded: the text may be a long paste, and an unbounded
# ``\S+@`` or ``{{.*?}}`` goes quadratic on one long line.
_URLISH_RE = re.compile(
    r"[^\s@]{1,64}@[^\s@]{1,255}"
    r"|\b(?:https?://|www\.)\S+"
    r"|\b[\w-]{1,63}(?:\.[\w-]{1,63}){0,4}\.(?:com|io|dev|org|net|co|ai|app)\b\S*"
)
_REPEAT_RE = re.compile(r"\b([A-Za-z]{1,40})(?:\s+\1\b)+", re.IGNORECASE)
_PLACEHOLDER_RES = (
    re.compile(r"lorem ipsum", re.IGNORECASE),
    re.compile(r"\b(?:TODO|TBD|FIXME|XXX+)\b"),
    re.compile(r"\{\{[^\n]{0,200}?\}\}|\{%[^\n]{0,200}?%\}"),
    re.compile(r"<[A-Za-z][^<>\n]{1,40}>"),
    re.compile(r"\binsert [^.\n]{1,40} here\b", re.IGNORECASE),
    re.compile(r"\byour name here\b", re.IGNORECASE),
    re.compile(r"_{4,}"),
)


@dataclass(frozen=True)
class Lint:
    """One problem with a proposal; ``start``/``end`` index the text when it has a spot."""

    rule: str
    message: str
    start: int | None = None
    end: int | None = None
    severity: str = "warning"
    #: the word a ``spelling`` check is about
    word: str | None = None

    def to_json(self) -> dict[str, str]:
        return {"rule": self.rule, "message": self.message}


@dataclass(frozen=True)
class SentProposal:
    id: int
    title: str
    text: str


@dataclass
class CheckContext:
    """What the checks compare a proposal with."""

    facts: PostingFacts | None = None
    known_words: frozenset[str] = frozenset()
    max_length: int = 5000
    sent: list[SentProposal] = field(default_factory=list)


@functools.lru_cache(maxsize=1)
def _spell_checker():
    from spellchecker import SpellChecker  # loading the dictionary takes ~0.2 s: once

    return SpellChecker(distance=1)


def _lower_words(texts: Iterable[str]) -> set[str]:
    return {w.casefold() for t in texts for w in _WORD_RE.findall(t)}


def load_check_context(
    session: Session,
    facts: PostingFacts | None,
    profile: Profile | None,
    *,
    job_id: int | None = None,
) -> CheckContext:
    """The posting, known words, length limit and recent sent proposals, from the database."""
    known = set(TECH_WORDS)
    known |= _lower_words(skill_names(profile))
    known |= _lower_words(str(w) for w in settings.get(session, "proposal.user_dictionary"))
    if facts is not None:
        known |= _lower_words([facts.title or "", facts.description or "", *facts.skills])
    query = (
        select(Proposal.id, JobPosting.title, Proposal.text)
        .join(JobPosting, JobPosting.id == Proposal.job_id)
        .where(Proposal.status != S.DRAFT, Proposal.text != "")
        .order_by(Proposal.submitted_at.desc(), Proposal.id.desc())
        .limit(MAX_COMPARED)
    )
    if job_id is not None:  # one sent for this very posting is not a copy sent elsewhere
        query = query.where(Proposal.job_id != job_id)
    sent = [SentProposal(pid, title or "", text) for pid, title, text in session.execute(query)]
    return CheckContext(
        facts=facts,
        known_words=frozenset(known),
        max_length=int(settings.get(session, "proposal.max_length")),
        sent=sent,
    )


def check_proposal(text: str, ctx: CheckContext) -> list[Lint]:
    """Every check on ``text``, in the order the text reads where they have a spot."""
    lints = [
        *check_fill_ins(text),
        *check_placeholders(text),
        *check_length(text, ctx.max_length),
        *check_spelling(text, ctx.known_words),
        *check_repeated_words(text),
        *check_similarity(text, ctx.sent),
    ]
    lints += check_contact_details(text)
    if ctx.facts is not None:
        specific = check_specific(text, ctx.facts)
        lints += specific or check_opening(text, ctx.facts)
        lints += check_screening_questions(text, ctx.facts)
    return lints


#: what a client sees of a proposal in the list before opening it
PREVIEW_CHARS = 150

# Bounded patterns (a paste can be long): an address, a phone number (9 to 15 digits, in
# the groups people write them in), a messenger link, a messenger named with a handle.
_EMAIL_RE = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}")
_PHONE_RE = re.compile(r"(?<![\w$.,])\+?\(?\d{1,4}\)?(?:[\s.-]?\(?\d{2,5}\)?){2,5}(?![\w%])")
_MESSENGER_LINK_RE = re.compile(
    r"\b(?:t\.me|telegram\.me|wa\.me|api\.whatsapp\.com|discord\.gg|skype:)/{0,2}[\w.+-]{1,63}\w",
    re.IGNORECASE,
)
_MESSENGER_RE = re.compile(
    r"\b(?:telegram|whats\s?app|skype|signal|wechat|discord|viber)\b[^\n]{0,30}?"
    r"(?:@[\w.]{3,32}|\+?\d[\d\s-]{6,18}\d|(?:id|handle|username|name)\s*(?:is|:)\s*\S{3,32})",
    re.IGNORECASE,
)


def check_contact_details(text: str) -> list[Lint]:
    """E-mail addresses, phone numbers and messenger handles: sharing them before a
    contract breaks Upwork's terms (and a client cannot hire you off-platform safely)."""
    candidates: list[tuple[int, int, int, str]] = []
    for rank, (pattern, what) in enumerate(
        (
            (_EMAIL_RE, "an e-mail address"),
            (_MESSENGER_LINK_RE, "a messenger link"),
            (_MESSENGER_RE, "a messenger handle"),
            (_PHONE_RE, "a phone number"),
        )
    ):
        for match in pattern.finditer(text):
            if rank == 3 and sum(c.isdigit() for c in match.group(0)) < 9:
                continue
            candidates.append((match.start(), rank, match.end(), what))
    lints: list[Lint] = []
    covered = -1
    for start, rank, end, what in sorted(candidates):
        if start < covered:
            continue  # inside one already flagged (a number inside a messenger phrase)
        covered = end
        lints.append(
            Lint(
                "contact-details",
                f"{what} ({text[start:end][:40]!r}): sharing contact details before a contract "
                "breaks Upwork's terms; keep talking in Upwork messages",
                start,
                end,
                "warning" if rank == 3 else "error",
            )
        )
    return lints


def check_opening(text: str, facts: PostingFacts) -> list[Lint]:
    """The opening the client sees in the preview says nothing about their posting."""
    terms = posting_specifics(facts)
    opening = text.lstrip()
    offset = len(text) - len(opening)
    cut = opening[:PREVIEW_CHARS]
    if len(opening) > PREVIEW_CHARS:  # to the end of the word the preview stops in
        rest = re.match(r"\w*", opening[PREVIEW_CHARS:])
        cut += rest.group(0) if rest else ""
    if not terms or not cut.strip() or _mentions(cut, terms):
        return []
    return [
        Lint(
            "generic-opening",
            f"the first {PREVIEW_CHARS} characters (what the client sees before opening it) "
            "never mention their posting: start with their problem, not with you",
            offset,
            offset + len(cut),
        )
    ]


def _mentions(text: str, terms: set[str]) -> bool:
    lowered = text.casefold()
    words = {_stem(w) for w in _content_words(text)}
    for term in terms:
        if (" " in term or not term.isalpha()) and term in lowered:
            return True
        if term.isalpha() and _stem(term) in words:
            return True
    return False


def unfinished(text: str) -> list[Lint]:
    """The fill-ins and placeholders left in ``text``: what must not be sent as it is."""
    return sorted(
        [*check_fill_ins(text), *check_placeholders(text)], key=lambda lint: lint.start or 0
    )


def describe_unfinished(lints: list[Lint], limit: int = 3) -> str:
    """``2 fill-ins or placeholders are left: [Link to a similar project], 'TODO'``."""
    shown = []
    for lint in lints[:limit]:
        shown.append(
            lint.message.removeprefix("fill in ").removeprefix("placeholder text left in: ")
        )
    more = f" and {len(lints) - limit} more" if len(lints) > limit else ""
    noun = "fill-in or placeholder is" if len(lints) == 1 else "fill-ins or placeholders are"
    return f"{len(lints)} {noun} left: {', '.join(shown)}{more}"


def check_fill_ins(text: str) -> list[Lint]:
    seen: set[str] = set()
    lints = []
    for match in FILL_IN_RE.finditer(text):
        label = match.group(1).strip()
        if label not in seen:
            seen.add(label)
            lints.append(Lint("fill-in", f"fill in [{label}]", match.start(), match.end(), "error"))
    return lints


def check_placeholders(text: str) -> list[Lint]:
    lints = []
    for pattern in _PLACEHOLDER_RES:
        for match in pattern.finditer(text):
            snippet = match.group(0)[:40]
            lints.append(
                Lint(
                    "placeholder",
                    f"placeholder text left in: {snippet!r}",
                    match.start(),
                    match.end(),
                    "error",
                )
            )
    return sorted(lints, key=lambda lint: lint.start or 0)


def check_length(text: str, max_length: int) -> list[Lint]:
    size = len(text.strip())
    if size <= max_length:
        return []
    return [
        Lint(
            "length",
            f"{size:,} characters: the limit is {max_length:,}, cut {size - max_length:,}",
            max_length,
            len(text),
            "error",
        )
    ]


def check_spelling(text: str, known: frozenset[str]) -> list[Lint]:
    """Lower-case words the dictionary does not know (names and acronyms are left alone)."""
    checker = _spell_checker()
    clean = FILL_IN_RE.sub(lambda m: " " * len(m.group(0)), text)
    clean = _URLISH_RE.sub(lambda m: " " * len(m.group(0)), clean)
    for pattern in _PLACEHOLDER_RES:
        clean = pattern.sub(lambda m: " " * len(m.group(0)), clean)
    first: dict[str, re.Match[str]] = {}
    for match in _WORD_RE.finditer(clean):
        word = match.group(0)
        if word.islower() and 2 < len(word) <= 30 and word not in known and word not in TECH_WORDS:
            first.setdefault(word, match)
    unknown = checker.unknown(first) if first else set()
    lints: list[Lint] = []
    for word, match in first.items():
        if word in unknown and len(lints) < MAX_SPELLING_LINTS:
            guess = checker.correction(word)
            hint = f" ({guess}?)" if guess and guess != word else ""
            lints.append(
                Lint(
                    "spelling",
                    f"{word!r} may be misspelled{hint}",
                    match.start(),
                    match.end(),
                    word=word,
                )
            )
    return lints


def check_repeated_words(text: str) -> list[Lint]:
    return [
        Lint(
            "repeated-word",
            f"repeated word: {' '.join(m.group(0).split())!r}",
            m.start(),
            m.end(),
        )
        for m in _REPEAT_RE.finditer(text)
        if not m.group(1).isdigit()
    ]


def _shingles(text: str) -> frozenset[int]:
    words = [w.casefold() for w in _WORD_RE.findall(text)]
    if len(words) < SHINGLE_WORDS:
        return frozenset()
    return frozenset(
        zlib.crc32(" ".join(words[i : i + SHINGLE_WORDS]).encode())
        for i in range(len(words) - SHINGLE_WORDS + 1)
    )


_cached_shingles = functools.lru_cache(maxsize=2 * MAX_COMPARED)(_shingles)


def similarity(a: str, b: str) -> float:
    """Share of ``a``'s five-word runs that also appear in ``b`` (0..1)."""
    mine, theirs = _shingles(a), _cached_shingles(b)
    return len(mine & theirs) / len(mine) if mine else 0.0


def check_similarity(text: str, sent: list[SentProposal]) -> list[Lint]:
    """The earlier proposal this one copies most, if it copies more than the limit."""
    mine = _shingles(text)
    if not mine or not sent:
        return []
    best, best_share = None, 0.0
    for earlier in sent:
        share = len(mine & _cached_shingles(earlier.text)) / len(mine)
        if share > best_share:
            best, best_share = earlier, share
    if best is None or best_share < SIMILARITY_LIMIT:
        return []
    title = best.title[:60] or "an earlier posting"
    return [
        Lint(
            "too-similar",
            f"{best_share:.0%} the same as proposal {best.id} ({title!r}): clients pass over "
            "near-copies, so make it about this posting",
        )
    ]


def _content_words(text: str) -> list[str]:
    return [
        w.casefold()
        for w in _WORD_RE.findall(text)
        if len(w) >= 4 and w.casefold() not in _STOPWORDS
    ]


def _stem(word: str) -> str:
    return word[:5]


def posting_specifics(facts: PostingFacts) -> set[str]:
    """Terms that show a proposal was written for this posting: skills, title words, names."""
    terms = {s.casefold() for s in facts.skills if len(s) >= 2}
    terms |= set(_content_words(facts.title or ""))
    for match in re.finditer(r"(?<=[a-z,] )([A-Z][a-zA-Z]{3,})", facts.description or ""):
        if match.group(1).casefold() not in _STOPWORDS:
            terms.add(match.group(1).casefold())
    return terms


def check_specific(text: str, facts: PostingFacts) -> list[Lint]:
    terms = posting_specifics(facts)
    if not terms or _mentions(text, terms):
        return []
    return [
        Lint(
            "not-specific",
            "it never mentions anything from the posting (its title, skills or details): "
            "clients skip letters that could go to anyone",
        )
    ]


def check_screening_questions(text: str, facts: PostingFacts) -> list[Lint]:
    """Questions whose key words the proposal never uses."""
    words = {_stem(w) for w in _content_words(text)}
    lints = []
    for number, question in enumerate(facts.screening_questions, start=1):
        keys = {_stem(w) for w in _content_words(question)}
        if not keys or question.strip().casefold() in text.casefold():
            continue
        if len(keys & words) / len(keys) < 0.5:
            short = question if len(question) <= 80 else question[:77] + "..."
            lints.append(
                Lint(
                    "screening-question",
                    f"screening question {number} looks unanswered: {short!r}",
                )
            )
    return lints


def add_to_dictionary(session: Session, word: str) -> list[str]:
    """Add ``word`` to the user's dictionary (the spelling check accepts it from then on)."""
    word = word.strip()
    if not word or not _WORD_RE.fullmatch(word):
        raise InputError(f"{word!r} is not a single word")
    words = [str(w) for w in settings.get(session, "proposal.user_dictionary")]
    if word.casefold() not in {w.casefold() for w in words}:
        words.append(word)
        settings.set_value(session, "proposal.user_dictionary", sorted(words, key=str.casefold))
    return words
