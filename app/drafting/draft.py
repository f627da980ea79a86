"""A draft for one posting: pick a reply, render it, check it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import PostingFacts
from app.drafting.context import draft_context
from app.drafting.lints import CheckContext, Lint, check_proposal, load_check_context
from app.drafting.render import Rendered, TemplateProblem, render_linked, render_template
from app.errors import InputError, NotFoundError
from app.profiles import active_profile
from app.replies import get_reply, reply_bodies, suggest_replies
from app.storage.models import JobPosting, Profile, SavedReply
from app.storage.postings import facts_of

#: what a reply is previewed and checked against when there is no posting
SAMPLE_POSTING = PostingFacts(
    title="Sample posting",
    description="A sample posting used to check that a saved reply renders.",
    skills=["Python", "API Integration"],
    screening_questions=["What similar work have you done?"],
)


@dataclass
class Draft:
    """A rendered, checked proposal (or the template problem that stopped it)."""

    reply_name: str
    text: str
    fill_ins: list[str]
    lints: list[Lint] = field(default_factory=list)
    problem: TemplateProblem | None = None
    #: where each of the reply's fill-ins is in ``text`` (filled or not): label -> spans
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """The ``pwb draft --json`` object: ``text, fill_ins, lints``."""
        return {
            "text": self.text,
            "fill_ins": list(self.fill_ins),
            "lints": [lint.to_json() for lint in self.lints],
        }


def posting_facts(session: Session, job_id: int) -> PostingFacts:
    job = session.get(JobPosting, job_id)
    if job is None or job.deleted_at is not None:
        raise NotFoundError(f"no job posting with id {job_id}")
    return facts_of(job)


def choose_reply(session: Session, facts: PostingFacts, name: str | None) -> SavedReply:
    """The reply the user named, else the best fit for the posting."""
    if name:
        return get_reply(session, name)
    suggestions = suggest_replies(session, facts)
    if not suggestions:
        raise InputError("there are no saved proposal replies yet (add one: pwb replies add)")
    return suggestions[0]


@dataclass
class Drafter:
    """Everything loaded once for one posting, so re-rendering as the user types is cheap."""

    facts: PostingFacts
    context: dict[str, Any]
    snippets: dict[str, str]
    checks: CheckContext

    @classmethod
    def load(
        cls,
        session: Session,
        facts: PostingFacts,
        *,
        job_id: int | None = None,
        profile: Profile | None = None,
    ) -> Drafter:
        profile = profile if profile is not None else active_profile(session)
        return cls(
            facts=facts,
            context=draft_context(session, facts, job_id=job_id, profile=profile),
            snippets=reply_bodies(session),
            checks=load_check_context(session, facts, profile, job_id=job_id),
        )

    def render(self, body: str, values: Mapping[str, str] | None = None) -> Rendered:
        return render_template(body, self.context, snippets=self.snippets, values=values)

    def draft(self, reply_name: str, body: str, values: Mapping[str, str] | None = None) -> Draft:
        rendered = render_linked(body, self.context, snippets=self.snippets, values=values)
        if not rendered.ok:
            return Draft(reply_name, "", [], [], rendered.problem)
        lints = check_proposal(rendered.text, self.checks)
        return Draft(reply_name, rendered.text, rendered.fill_ins, lints, spans=rendered.spans)


def make_draft(
    session: Session,
    facts: PostingFacts,
    *,
    job_id: int | None = None,
    reply_name: str | None = None,
    values: Mapping[str, str] | None = None,
) -> Draft:
    """Render the named (or best-fitting) reply for a posting and check the result."""
    reply = choose_reply(session, facts, reply_name)
    drafter = Drafter.load(session, facts, job_id=job_id)
    return drafter.draft(reply.name, reply.body, values)


def recent_postings(session: Session, limit: int = 200) -> list[tuple[int, str]]:
    """(id, title) of the newest postings, for "preview against" choosers."""
    query = (
        select(JobPosting.id, JobPosting.title)
        .where(JobPosting.deleted_at.is_(None))
        .order_by(JobPosting.captured_at.desc(), JobPosting.id.desc())
        .limit(limit)
    )
    return [(job_id, title or f"Posting {job_id}") for job_id, title in session.execute(query)]


def load_drafter(session: Session, job_id: int | None) -> Drafter:
    """A drafter for a stored posting, or for the sample posting when ``job_id`` is None."""
    if job_id is None:
        return Drafter.load(session, SAMPLE_POSTING)
    return Drafter.load(session, posting_facts(session, job_id), job_id=job_id)
