"""A deterministic demo history: postings, score cards, proposals and a Connects ledger.

``generate_demo(session, jobs=..., proposals=..., seed=...)`` writes a
believable year (or two) of bidding for two demo profiles, so screenshots and
benchmarks have data: postings with client facts, score cards for the active
profile, proposals moving through the pipeline with their history, and the
ledger (monthly allocations, purchases when the balance runs short, spends,
boosts, refunds of cancelled jobs and of outbid boosts). The same seed and the
same ``now`` give the same rows. Rows go in with bulk ``INSERT``s and explicit
ids, so 100,000 proposals take seconds, not minutes.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from app import clock, settings
from app.errors import InputError
from app.storage import members
from app.storage.bulk import follow_explicit_ids
from app.storage.models import (
    JobPosting,
    LedgerEntry,
    Profile,
    Proposal,
    ProposalStatusChange,
    ScoreCard,
)

DEMO_PROFILES = ("Demo: full-stack web", "Demo: data analysis")
CATEGORIES: tuple[tuple[str, float, list[str]], ...] = (
    ("Web Development", 0.28, ["React", "Django", "TypeScript", "Node.js", "PostgreSQL"]),
    ("Data Science & Analytics", 0.16, ["Python", "pandas", "SQL", "Tableau", "Power BI"]),
    ("Mobile Development", 0.10, ["Flutter", "React Native", "Swift", "Kotlin"]),
    ("Scripts & Utilities", 0.10, ["Python", "Bash", "Web Scraping", "Automation"]),
    ("Ecommerce Development", 0.09, ["Shopify", "WooCommerce", "Liquid", "PHP"]),
    ("DevOps & Cloud", 0.08, ["AWS", "Docker", "Terraform", "CI/CD"]),
    ("AI & Machine Learning", 0.08, ["PyTorch", "LLM", "OpenAI API", "NLP"]),
    ("Desktop Software", 0.05, ["Qt", "C++", "Electron", "PySide"]),
    ("QA & Testing", 0.04, ["Selenium", "pytest", "Playwright"]),
    ("Database Administration", 0.02, ["PostgreSQL", "MySQL", "Performance tuning"]),
)
_TITLE_PARTS = (
    ("Build", "Fix", "Improve", "Migrate", "Automate", "Design", "Speed up", "Finish"),
    (
        "our customer portal",
        "a dashboard",
        "the checkout flow",
        "an internal tool",
        "a data pipeline",
        "our MVP",
        "a reporting API",
        "the admin panel",
        "a booking app",
    ),
)
_COUNTRIES = (
    "United States",
    "United Kingdom",
    "Canada",
    "Germany",
    "Australia",
    "Netherlands",
    "India",
    "United Arab Emirates",
    "France",
    "Singapore",
)
_BUCKETS = ((0, 4), (5, 10), (10, 15), (15, 20), (20, 50), (50, None))
_BUNDLES = (40, 60, 80)
_CHUNK = 5000


@dataclass(frozen=True)
class DemoSummary:
    """What :func:`generate_demo` wrote."""

    jobs: int
    score_cards: int
    proposals: int
    status_changes: int
    ledger_entries: int
    first_day: date
    last_day: date


@dataclass
class _Ids:
    job: int
    proposal: int
    change: int
    entry: int


def _next_ids(session: Session) -> _Ids:
    def after(column: Any) -> int:
        return int(session.scalar(select(func.coalesce(func.max(column), 0))) or 0) + 1

    return _Ids(
        after(JobPosting.id),
        after(Proposal.id),
        after(ProposalStatusChange.id),
        after(LedgerEntry.id),
    )


def _profiles(session: Session) -> list[Profile]:
    """The two demo profiles (made once); the first becomes active if none is."""
    found = {
        p.name: p for p in session.scalars(select(Profile).where(Profile.name.in_(DEMO_PROFILES)))
    }
    any_active = session.scalar(select(Profile.id).where(Profile.is_active.is_(True)))
    for i, name in enumerate(DEMO_PROFILES):
        if name not in found:
            found[name] = Profile(
                name=name,
                your_name="Alex Demo",
                title="Full-stack developer (React, Django)"
                if i == 0
                else "Data analyst (Python, SQL)",
                plan="freelancer_plus",
                is_active=i == 0 and any_active is None,
                skills=[{"name": s, "weight": 1.0, "synonyms": []} for s in CATEGORIES[i][2]],
                preferred_categories=[CATEGORIES[i][0]],
            )
            session.add(found[name])
    session.flush()
    return [found[name] for name in DEMO_PROFILES]


_SCOPE = (
    "The current version works, but it is slow and hard to change",
    "We have a rough prototype and a list of the screens we need",
    "Our last developer left half-way, so the code needs a careful review first",
    "The design is ready in Figma and the data model is agreed",
)
_TERMS = (
    "We expect about {weeks} weeks of work, with a call twice a week to show progress",
    "Please plan for {weeks} weeks; we review the work at the end of each week",
    "The first milestone is due in {weeks} weeks, and more work follows if it goes well",
)


def _description(title: str, named: list[str], stream: int) -> str:
    """A few sentences as clients write them (long enough for scoring to judge).

    From a stream of its own, so the other generated values stay what they were.
    """
    rng = random.Random(stream)
    weeks = rng.choice((2, 3, 4, 6, 8))
    return (
        f"{title}. We need someone experienced with {', '.join(named)}. "
        f"{rng.choice(_SCOPE)}. {rng.choice(_TERMS).format(weeks=weeks)}. "
        "In your proposal, tell us about a similar project you delivered and how you would start."
    )


def _job_row(rng: random.Random, job_id: int, seed: int, posted: datetime) -> dict[str, Any]:
    category, _w, skills = rng.choices(CATEGORIES, weights=[c[1] for c in CATEGORIES])[0]
    hourly = rng.random() < 0.45
    low_bucket, high_bucket = rng.choices(_BUCKETS, weights=(2, 3, 3, 2, 4, 2))[0]
    hires = int(rng.expovariate(1 / 12))
    posted_jobs = hires + int(rng.expovariate(1 / 6)) + 1
    verified = rng.random() < 0.85
    title = f"{rng.choice(_TITLE_PARTS[0])} {rng.choice(_TITLE_PARTS[1])} ({rng.choice(skills)})"
    return {
        "id": job_id,
        "platform": "upwork",
        "external_id": f"~demo{seed}{job_id:08d}",
        "dedup_key": f"demo:{seed}:{job_id}",
        "url": f"https://www.upwork.com/jobs/~demo{seed}{job_id:08d}",
        "title": title,
        "description": _description(title, rng.sample(skills, 2), seed * 1_000_003 + job_id),
        "category": category,
        "skills": rng.sample(skills, min(3, len(skills))),
        "budget_type": "hourly" if hourly else "fixed",
        "fixed_budget": None
        if hourly
        else float(rng.choice((150, 300, 500, 800, 1500, 3000, 6000))),
        "hourly_min": (low := float(rng.choice((15, 25, 35, 50)))) if hourly else None,
        "hourly_max": low + rng.choice((10, 20, 35, 60)) if hourly else None,
        "experience_level": rng.choice(("entry", "intermediate", "intermediate", "expert")),
        "posted_at": posted,
        "proposals_min": low_bucket,
        "proposals_max": high_bucket,
        "connects_required": rng.choice((2, 4, 6, 8, 8, 10, 12, 16)),
        "client_payment_verified": verified,
        "client_rating": round(rng.uniform(3.6, 5.0), 1) if hires else None,
        "client_reviews": max(0, hires - rng.randint(0, 3)),
        "client_country": rng.choice(_COUNTRIES),
        "client_jobs_posted": posted_jobs,
        "client_hire_rate": round(100 * hires / max(posted_jobs, 1)),
        "client_total_spent": round(math.exp(rng.uniform(4, 12)), -1) if hires else 0.0,
        "client_hires": hires,
        "client_member_since": (posted - timedelta(days=rng.randint(20, 3000))).date(),
        "status": "new",
        "source": f"demo seed {seed}",
        "captured_at": posted + timedelta(minutes=rng.randint(5, 600)),
        "created_at": posted,
        "updated_at": posted,
    }


def _score(rng: random.Random, job: dict[str, Any]) -> int:
    fit = rng.gauss(55, 18) + (8 if job["client_payment_verified"] else -15)
    fit += 6 if (job["client_hires"] or 0) > 5 else 0
    return max(0, min(100, round(fit)))


def _card_row(
    job: dict[str, Any], profile_id: int, total: int, apply_at: int, maybe_at: int
) -> dict[str, Any]:
    verdict = "apply" if total >= apply_at else "maybe" if total >= maybe_at else "skip"
    return {
        "job_id": job["id"],
        "profile_id": profile_id,
        "total": total,
        "verdict": verdict,
        "factors": [{"name": "Demo fit", "points": total, "reason": "generated demo score"}],
        "flags": []
        if job["client_payment_verified"]
        else [
            {
                "rule": "payment-not-verified",
                "severity": "warning",
                "title": "Payment method not verified",
                "evidence": "client.payment_verified=false",
                "words": "payment method not verified",
                "start": None,
                "end": None,
                "field": "client.payment_verified",
            }
        ],
        "matched_skills": job["skills"][:2],
        "missing_skills": job["skills"][2:],
        "win_chance": round(0.02 + total / 1000, 3),
        "critical_flags": 0,
        "rules_version": "demo",
        "computed_at": job["captured_at"],
    }


def _outcome_path(
    rng: random.Random, score: int, invited: bool, boosted: bool, hours: float
) -> list[str]:
    """The statuses a proposal went through after ``submitted`` (early and boosted get seen)."""
    s = score / 100
    speed = 0.1 if hours < 6 else -0.1 if hours > 24 else 0.0
    p_view = 0.95 if invited else min(0.9, 0.1 + 0.55 * s + (0.15 if boosted else 0) + speed)
    steps = [
        ("viewed", p_view),
        ("replied", 0.55 if invited else 0.2 + 0.4 * s),
        ("interviewing", 0.7),
        ("hired", 0.1 + 0.65 * s if not invited else 0.6),
    ]
    path = ["submitted"]
    for stage, chance in steps:
        if rng.random() >= chance:
            break
        path.append(stage)
    if path[-1] != "hired" and rng.random() < 0.7:
        path.append(
            rng.choices(("declined", "not_hired", "job_closed", "withdrawn"), (3, 4, 2, 1))[0]
        )
    return path


def _revenue(rng: random.Random, job: dict[str, Any]) -> float:
    if job["budget_type"] == "fixed":
        return float(job["fixed_budget"])
    return round(rng.uniform(job["hourly_min"], job["hourly_max"]) * rng.randint(10, 160), 2)


def _proposal_rows(
    rng: random.Random, job: dict[str, Any], score: int, profile_id: int, ids: _Ids, now: datetime
) -> tuple[dict[str, Any], list[dict[str, Any]], list[tuple[datetime, str, int, int]]] | None:
    """One proposal, its history, and its Connects events (at, kind, amount, proposal id)."""
    hours = rng.lognormvariate(1.6, 1.2)
    at = job["posted_at"] + timedelta(hours=hours)
    if at >= now:
        return None
    invited = rng.random() < 0.08
    boost = 0 if invited or rng.random() > 0.22 else rng.choice((4, 6, 10, 14, 20, 30))
    connects = 0 if invited else int(job["connects_required"])
    path = _outcome_path(rng, score, invited, boost > 0, hours)
    pid = ids.proposal
    ids.proposal += 1
    history, moment, previous = [], at, None
    for status in path:
        if status != "submitted":
            moment = moment + timedelta(hours=rng.lognormvariate(2.5, 1.1))
        if moment >= now:
            break
        history.append(
            {
                "id": ids.change,
                "proposal_id": pid,
                "from_status": previous,
                "to_status": status,
                "at": moment,
            }
        )
        ids.change += 1
        previous = status
    status = history[-1]["to_status"]
    events = [(at, "spend", -connects, pid)] if connects else []
    if boost:
        events.append((at, "boost", -boost, pid))
        if status not in ("viewed", "replied", "interviewing", "hired") and rng.random() < 0.3:
            events.append((at + timedelta(hours=rng.uniform(1, 30)), "boost_refund", boost, pid))
    if (
        status == "job_closed"
        and connects
        and "viewed" not in path[: len(history)]
        and rng.random() < 0.6
    ):
        events.append((history[-1]["at"], "refund", connects, pid))
    row = {
        "id": pid,
        "job_id": job["id"],
        "profile_id": profile_id,
        "text": f"Hi, I have done {job['category']} work like this before.",
        "bid_amount": job["fixed_budget"] or job["hourly_max"],
        "connects_spent": connects,
        "boost_connects": boost,
        "invited": invited,
        "status": status,
        "submitted_at": at,
        "revenue_usd": _revenue(rng, job) if status == "hired" else None,
        "score_at_submit": score,
        "created_at": at,
        "updated_at": history[-1]["at"],
    }
    return row, history, [e for e in events if e[0] < now]


def _ledger_rows(
    rng: random.Random,
    events: list[tuple[datetime, str, int, int | None]],
    first: datetime,
    now: datetime,
    ids: _Ids,
    price: float,
) -> list[dict[str, Any]]:
    """Allocations each month, the events in time order, and purchases when short."""
    month = datetime(first.year, first.month, 1, tzinfo=UTC)
    while month < now:
        events.append((month, "allocation", 100, None))
        month = datetime(month.year + month.month // 12, month.month % 12 + 1, 1, tzinfo=UTC)
    events.sort(key=lambda e: (e[0], e[1] != "allocation"))
    rows, balance = [], 0
    for at, kind, amount, pid in events:
        while balance + amount < 0:
            bundle = rng.choice(_BUNDLES)
            rows.append(
                _entry(
                    ids,
                    at - timedelta(minutes=1),
                    "purchase",
                    bundle,
                    pid=None,
                    usd=round(bundle * price, 2),
                )
            )
            balance += bundle
        rows.append(_entry(ids, at, kind, amount, pid=pid))
        balance += amount
    return rows


def _entry(
    ids: _Ids, at: datetime, kind: str, amount: int, *, pid: int | None, usd: float | None = None
) -> dict[str, Any]:
    row = {
        "id": ids.entry,
        "at": at,
        "kind": kind,
        "amount": amount,
        "usd": usd,
        "proposal_id": pid,
        "note": "demo",
        "expires_at": at + timedelta(days=365)
        if amount > 0 and kind in ("allocation", "purchase", "bonus", "refund", "boost_refund")
        else None,
        "created_at": at,
    }
    ids.entry += 1
    return row


def _pad_purchases(
    rng: random.Random, count: int, first: datetime, now: datetime, ids: _Ids, price: float
) -> list[dict[str, Any]]:
    """Extra small purchases spread over the span (only to reach a benchmark's entry count)."""
    span = (now - first).total_seconds()
    return [
        _entry(
            ids,
            first + timedelta(seconds=rng.uniform(0, span)),
            "purchase",
            10,
            pid=None,
            usd=round(10 * price, 2),
        )
        for _ in range(count)
    ]


def _bulk(
    session: Session,
    model: Any,
    rows: list[dict[str, Any]],
    written: Callable[[int], None] | None = None,
) -> None:
    if model in (Proposal, ProposalStatusChange, LedgerEntry):  # statements skip the ORM's stamp
        who = members.acting_member(session).id
        rows = [{"member_id": who, **row} for row in rows]
    for start in range(0, len(rows), _CHUNK):
        chunk = rows[start : start + _CHUNK]
        session.execute(insert(model), chunk)
        if written is not None:
            written(len(chunk))
    follow_explicit_ids(session, [model.__table__])  # rows came with their ids


def generate_demo(
    session: Session,
    *,
    jobs: int = 600,
    proposals: int = 250,
    seed: int = 7,
    now: datetime | None = None,
    ledger_entries: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Write a demo history ending at ``now`` (default: today 00:00 UTC); see the module doc.

    ``jobs`` is raised to ``proposals`` when lower (one proposal per posting).
    ``ledger_entries``, for benchmarks, pads the ledger with small purchases up
    to that many entries. ``progress(done, total)`` counts postings made, then
    rows written (the total grows to the rows' count once they are all made).
    """
    if jobs < 0 or proposals < 0:
        raise InputError("--jobs and --proposals cannot be negative")
    if jobs > 2_000_000 or proposals > 1_000_000:
        raise InputError(
            "that is more demo data than this generator is meant for (max 1,000,000 proposals)"
        )
    tag = f"demo:{seed}:"
    if session.scalar(select(JobPosting.id).where(JobPosting.dedup_key.like(tag + "%")).limit(1)):
        raise InputError(
            f"demo data with seed {seed} is already in this database; use another --seed"
        )
    end = now or clock.now().replace(hour=0, minute=0, second=0, microsecond=0)
    end = end if end.tzinfo else end.replace(tzinfo=UTC)
    rng = random.Random(seed)
    jobs = max(jobs, proposals)
    days = 365 if proposals <= 5000 else 730
    first = end - timedelta(days=days)
    ids = _next_ids(session)
    profiles = _profiles(session)
    apply_at = int(settings.get(session, "score.apply_threshold"))
    maybe_at = int(settings.get(session, "score.maybe_threshold"))
    price = float(settings.get(session, "connects.price_usd"))

    job_rows, card_rows, scores = [], [], []
    for made_jobs in range(jobs):
        if progress is not None and made_jobs % _CHUNK == 0:
            progress(made_jobs, 2 * jobs)
        posted = first + timedelta(seconds=rng.uniform(0, days * 86400 - 3600))
        job = _job_row(rng, ids.job, seed, posted)
        ids.job += 1
        score = _score(rng, job)
        job_rows.append(job)
        scores.append(score)
        card_rows.append(_card_row(job, profiles[0].id, score, apply_at, maybe_at))
    # bid on the better-scored postings more often, as a person would
    order = sorted(range(jobs), key=lambda i: -(scores[i] + rng.uniform(0, 90)))[:proposals]
    prop_rows: list[dict[str, Any]] = []
    change_rows: list[dict[str, Any]] = []
    events: list[tuple[datetime, str, int, int | None]] = []
    for i in sorted(order, key=lambda i: job_rows[i]["posted_at"]):
        profile = profiles[0] if rng.random() < 0.8 else profiles[1]
        made = _proposal_rows(rng, job_rows[i], scores[i], profile.id, ids, end)
        if made is None:
            continue
        row, history, connects_events = made
        prop_rows.append(row)
        change_rows.extend(history)
        events.extend(connects_events)
    ledger = _ledger_rows(rng, events, first, end, ids, price)
    if ledger_entries is not None and ledger_entries > len(ledger):
        ledger += _pad_purchases(rng, ledger_entries - len(ledger), first, end, ids, price)
    tables = (
        (JobPosting, job_rows),
        (ScoreCard, card_rows),
        (Proposal, prop_rows),
        (ProposalStatusChange, change_rows),
        (LedgerEntry, ledger),
    )
    total = jobs + sum(len(rows) for _model, rows in tables)
    done = jobs

    def written(count: int) -> None:
        nonlocal done
        done += count
        if progress is not None:
            progress(done, total)

    for model, rows in tables:
        _bulk(session, model, rows, written)
    return DemoSummary(
        len(job_rows),
        len(card_rows),
        len(prop_rows),
        len(change_rows),
        len(ledger),
        first.date(),
        end.date(),
    )
