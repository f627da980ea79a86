"""Typed SQLAlchemy models for the whole domain (see DESIGN.md).

Lists (skills, factors, flags) are JSON columns: they are read with their
parent row and never queried on their own, and JSON works on SQLite and
PostgreSQL alike. What lists sort or filter on (score, verdict, posted at,
status, kind) is a plain indexed column.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from app import clock


def utcnow() -> datetime:
    return clock.now()


class UtcDateTime(TypeDecorator[datetime]):
    """A timestamp stored as UTC and always read back timezone-aware.

    SQLite keeps no time zone; without this a value written aware comes back
    naive and comparisons across the two fail.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {
        datetime: UtcDateTime(),
        date: Date(),
        dict[str, Any]: JSON(),
        list[Any]: JSON(),
        list[str]: JSON(),
        list[dict[str, Any]]: JSON(),
    }


class Member(Base):
    """Someone working in this database: an owner, an admin or a member (see app.storage.members).

    A solo freelancer's database has one, the implicit owner; every proposal,
    status change and ledger entry records who made it. Members are never
    deleted (a role changes instead), so the ``member_id`` / ``updated_by``
    columns that name them are plain integers: a foreign key added by SQLite's
    ``ALTER TABLE`` cannot be read back, and a table copy would lose the
    ledger's expression index.
    """

    __tablename__ = "member"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    role: Mapped[str] = mapped_column(String(10), default="member")
    #: the profile this member bids with (None: the database's active profile); no foreign
    #: key, so that member and profile (which names who saved it) do not refer to each other
    active_profile_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    def __repr__(self) -> str:
        return f"Member(id={self.id!r}, name={self.name!r}, role={self.role!r})"


class Profile(Base):
    """Who is bidding, and what they want from a job."""

    __tablename__ = "profile"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    #: the freelancer's own name, to sign proposals with (``name`` labels the profile)
    your_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    title: Mapped[str] = mapped_column(String(300), default="")
    is_active: Mapped[bool] = mapped_column(Boolean, default=False)
    #: [{"name": "React", "weight": 1.0, "synonyms": ["ReactJS"]}]
    skills: Mapped[list[dict[str, Any]]] = mapped_column(default=list)
    min_hourly_rate: Mapped[float | None] = mapped_column(Float)
    min_fixed_budget: Mapped[float | None] = mapped_column(Float)
    preferred_categories: Mapped[list[str]] = mapped_column(default=list)
    experience_levels: Mapped[list[str]] = mapped_column(default=list)
    require_payment_verified: Mapped[bool] = mapped_column(Boolean, default=False)
    min_client_rating: Mapped[float | None] = mapped_column(Float)
    min_client_spent: Mapped[float | None] = mapped_column(Float)
    min_hire_rate: Mapped[float | None] = mapped_column(Float)
    excluded_countries: Mapped[list[str]] = mapped_column(default=list)
    include_keywords: Mapped[list[str]] = mapped_column(default=list)
    exclude_keywords: Mapped[list[str]] = mapped_column(default=list)
    #: skills and kinds of work the freelancer does not take (migration 0013)
    not_doing: Mapped[list[str]] = mapped_column(default=list, server_default=text("'[]'"))
    connect_price_usd: Mapped[float] = mapped_column(Float, default=0.15)
    plan: Mapped[str] = mapped_column(String(40), default="basic")
    #: per-rule overrides: {"rule-id": {"enabled": false, "weight": 0.5}}
    rule_overrides: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    #: bumped by every save; a save over a newer version is refused (no lost updates)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    #: the member who saved it last
    updated_by: Mapped[int | None] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": version}

    def __repr__(self) -> str:
        return f"Profile(id={self.id!r}, name={self.name!r})"


class JobPosting(Base):
    """A job posting as captured (pasted or imported), with its client facts."""

    __tablename__ = "job_posting"
    __table_args__ = (
        Index("ix_job_posting_posted_at", "posted_at"),
        Index("ix_job_posting_captured_at", "captured_at"),
        Index("ix_job_posting_status_posted", "status", "posted_at"),
        Index("ix_job_posting_updated_at", "updated_at"),
        # the jobs list sorts by these (migration 0004)
        Index("ix_job_posting_budget", text("coalesce(fixed_budget, hourly_max)")),
        Index("ix_job_posting_client_total_spent", "client_total_spent"),
        Index("ix_job_posting_proposals_min", "proposals_min"),
        Index("ix_job_posting_connects_required", "connects_required"),
        # Insights reads a proposal's posting from this index, not the wide row
        Index("ix_job_posting_id_category_posted", "id", "category", "posted_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    platform: Mapped[str] = mapped_column(String(40), default="upwork")
    external_id: Mapped[str | None] = mapped_column(String(200))
    #: what makes two captures the same posting (platform id, URL, or text hash)
    dedup_key: Mapped[str] = mapped_column(String(300), unique=True)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str | None] = mapped_column(String(200))
    skills: Mapped[list[str]] = mapped_column(default=list)
    budget_type: Mapped[str | None] = mapped_column(String(10))
    fixed_budget: Mapped[float | None] = mapped_column(Float)
    hourly_min: Mapped[float | None] = mapped_column(Float)
    hourly_max: Mapped[float | None] = mapped_column(Float)
    experience_level: Mapped[str | None] = mapped_column(String(20))
    duration: Mapped[str | None] = mapped_column(String(100))
    hours_per_week: Mapped[str | None] = mapped_column(String(100))
    posted_at: Mapped[datetime | None] = mapped_column()
    proposals_min: Mapped[int | None] = mapped_column(Integer)
    proposals_max: Mapped[int | None] = mapped_column(Integer)
    interviewing: Mapped[int | None] = mapped_column(Integer)
    invites_sent: Mapped[int | None] = mapped_column(Integer)
    unanswered_invites: Mapped[int | None] = mapped_column(Integer)
    last_viewed_at: Mapped[datetime | None] = mapped_column()
    connects_required: Mapped[int | None] = mapped_column(Integer)
    screening_questions: Mapped[list[str]] = mapped_column(default=list)

    client_payment_verified: Mapped[bool | None] = mapped_column(Boolean)
    client_rating: Mapped[float | None] = mapped_column(Float)
    client_reviews: Mapped[int | None] = mapped_column(Integer)
    client_country: Mapped[str | None] = mapped_column(String(100))
    client_city: Mapped[str | None] = mapped_column(String(100))
    client_jobs_posted: Mapped[int | None] = mapped_column(Integer)
    client_hire_rate: Mapped[float | None] = mapped_column(Float)
    client_open_jobs: Mapped[int | None] = mapped_column(Integer)
    client_total_spent: Mapped[float | None] = mapped_column(Float)
    client_hires: Mapped[int | None] = mapped_column(Integer)
    client_active_hires: Mapped[int | None] = mapped_column(Integer)
    client_avg_hourly_rate: Mapped[float | None] = mapped_column(Float)
    client_member_since: Mapped[date | None] = mapped_column()
    client_industry: Mapped[str | None] = mapped_column(String(100))
    client_company_size: Mapped[str | None] = mapped_column(String(100))

    #: the text the user pasted: their evidence, shown as plain text only
    raw_text: Mapped[str | None] = mapped_column(Text)
    #: the lines of the raw text the parser placed nowhere (app.parsing.rest): the red-flag
    #: rules read them, so scoring never needs the raw text
    unplaced_text: Mapped[str | None] = mapped_column(Text)
    #: what the red-flag rules' patterns found in the texts, as JSON with the rules' digest
    #: and a fingerprint of the texts (app.scoring.findings): a rescore reads
    #: it instead of searching again while both still hold, and writes it when they do not
    rule_findings: Mapped[str | None] = mapped_column(Text)
    #: fields the parser could not read, for the user to fill in
    missing_fields: Mapped[list[str]] = mapped_column(default=list)
    status: Mapped[str] = mapped_column(String(20), default="new")
    source: Mapped[str] = mapped_column(String(300), default="paste")
    captured_at: Mapped[datetime] = mapped_column(default=utcnow)
    #: soft delete, so "delete" can be undone
    deleted_at: Mapped[datetime | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    score_cards: Mapped[list[ScoreCard]] = relationship(
        back_populates="job", cascade="all, delete-orphan", passive_deletes=True
    )
    #: a posting with proposals cannot be deleted (the ledger refers to them)
    proposals: Mapped[list[Proposal]] = relationship(back_populates="job", passive_deletes="all")

    def __repr__(self) -> str:
        return f"JobPosting(id={self.id!r}, title={self.title[:40]!r})"


class ScoreCard(Base):
    """One posting scored against one profile; stored so lists sort in SQL."""

    __tablename__ = "score_card"
    __table_args__ = (
        UniqueConstraint("job_id", "profile_id"),
        Index("ix_score_card_profile_total", "profile_id", "total"),
        Index("ix_score_card_computed_at", "computed_at"),
        # verdict first: an index led by profile_id would tempt SQLite away from the one above
        Index("ix_score_card_verdict_profile_total", "verdict", "profile_id", "total"),
        # covering for Insights: a proposal's score and verdict without reading the card
        Index("ix_score_card_job_profile_total", "job_id", "profile_id", "total", "verdict"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("job_posting.id", ondelete="CASCADE"))
    profile_id: Mapped[int] = mapped_column(ForeignKey("profile.id", ondelete="CASCADE"))
    total: Mapped[int] = mapped_column(Integer)
    verdict: Mapped[str] = mapped_column(String(10))
    #: [{"name", "points", "reason"}]
    factors: Mapped[list[dict[str, Any]]] = mapped_column(default=list)
    #: [{"rule", "severity", "evidence", "start", "end", "field"}]
    flags: Mapped[list[dict[str, Any]]] = mapped_column(default=list)
    matched_skills: Mapped[list[str]] = mapped_column(default=list)
    missing_skills: Mapped[list[str]] = mapped_column(default=list)
    win_chance: Mapped[float | None] = mapped_column(Float)
    value_per_connect: Mapped[float | None] = mapped_column(Float)
    critical_flags: Mapped[int] = mapped_column(Integer, default=0)
    rules_version: Mapped[str] = mapped_column(String(80), default="")
    computed_at: Mapped[datetime] = mapped_column(default=utcnow)

    job: Mapped[JobPosting] = relationship(back_populates="score_cards")
    profile: Mapped[Profile] = relationship()

    def __repr__(self) -> str:
        return f"ScoreCard(job={self.job_id!r}, profile={self.profile_id!r}, total={self.total!r})"


class SavedReply(Base):
    """A named Jinja2 template: a whole proposal or a snippet others include."""

    __tablename__ = "saved_reply"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: include name, e.g. "intro/short"
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="proposal")  # proposal | snippet
    description: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")
    categories: Mapped[list[str]] = mapped_column(default=list)
    skills: Mapped[list[str]] = mapped_column(default=list)
    is_starter: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    #: bumped by every save; a save over a newer version is refused (no lost updates)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    #: the member who saved it last
    updated_by: Mapped[int | None] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": version}

    def __repr__(self) -> str:
        return f"SavedReply(id={self.id!r}, name={self.name!r})"


class Proposal(Base):
    """One bid on one posting, with its status history."""

    __tablename__ = "proposal"
    __table_args__ = (
        Index("ix_proposal_status", "status"),
        Index("ix_proposal_submitted_at", "submitted_at"),
        Index("ix_proposal_updated_at", "updated_at"),
        Index("ix_proposal_job_id", "job_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    job_id: Mapped[int] = mapped_column(ForeignKey("job_posting.id", ondelete="RESTRICT"))
    profile_id: Mapped[int | None] = mapped_column(
        ForeignKey("profile.id", ondelete="SET NULL"), index=True
    )
    reply_id: Mapped[int | None] = mapped_column(ForeignKey("saved_reply.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(Text, default="")
    bid_amount: Mapped[float | None] = mapped_column(Float)
    connects_spent: Mapped[int] = mapped_column(Integer, default=0)
    boost_connects: Mapped[int] = mapped_column(Integer, default=0)
    invited: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    submitted_at: Mapped[datetime | None] = mapped_column()
    outcome_reason: Mapped[str | None] = mapped_column(Text)
    revenue_usd: Mapped[float | None] = mapped_column(Float)
    #: score total when the proposal was sent (for calibration)
    score_at_submit: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    #: bumped by every save; a save over a newer version is refused (no lost updates)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    #: the member who saved it last
    updated_by: Mapped[int | None] = mapped_column(Integer)
    #: who made the proposal (drafted or submitted it)
    member_id: Mapped[int | None] = mapped_column(Integer, index=True)

    __mapper_args__ = {"version_id_col": version}

    job: Mapped[JobPosting] = relationship(back_populates="proposals")
    history: Mapped[list[ProposalStatusChange]] = relationship(
        back_populates="proposal",
        cascade="all, delete-orphan",
        order_by="ProposalStatusChange.at",
    )

    def __repr__(self) -> str:
        return f"Proposal(id={self.id!r}, job={self.job_id!r}, status={self.status!r})"


class ProposalStatusChange(Base):
    __tablename__ = "proposal_status_change"
    __table_args__ = (
        # covering for Insights: the furthest stage of each proposal, index only
        Index("ix_proposal_status_change_proposal_status", "proposal_id", "to_status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    proposal_id: Mapped[int] = mapped_column(
        ForeignKey("proposal.id", ondelete="CASCADE"), index=True
    )
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    reason: Mapped[str | None] = mapped_column(Text)
    #: who changed the status
    member_id: Mapped[int | None] = mapped_column(Integer)

    proposal: Mapped[Proposal] = relationship(back_populates="history")

    def __repr__(self) -> str:
        return f"ProposalStatusChange({self.from_status!r} -> {self.to_status!r} at {self.at!r})"


class LedgerEntry(Base):
    """One change of the Connects balance. The balance is the sum of ``amount``."""

    __tablename__ = "ledger_entry"
    __table_args__ = (
        Index("ix_ledger_entry_at", "at"),
        Index("ix_ledger_entry_kind_at", "kind", "at"),
        # Insights groups entries per UTC day and kind by walking this index (no sort)
        Index("ix_ledger_entry_day", text("substr(at, 1, 10)"), "kind", "at", "amount", "usd"),
        # a monthly allocation the ledger posts is posted once per billing period and plan
        Index("uq_ledger_entry_period_plan", "period", "plan", unique=True),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    kind: Mapped[str] = mapped_column(String(20))
    #: signed: credits positive, spends / boosts / expiries negative
    amount: Mapped[int] = mapped_column(Integer)
    usd: Mapped[float | None] = mapped_column(Float)
    proposal_id: Mapped[int | None] = mapped_column(
        ForeignKey("proposal.id", ondelete="SET NULL"), index=True
    )
    note: Mapped[str] = mapped_column(Text, default="")
    #: credits are lots: when what is left of this one expires
    expires_at: Mapped[datetime | None] = mapped_column()
    #: an ``expiry`` entry names the lot it closed (unique: a lot expires once)
    lot_id: Mapped[int | None] = mapped_column(
        ForeignKey("ledger_entry.id", ondelete="RESTRICT"), unique=True
    )
    #: a monthly allocation posted by the ledger: its billing period (``YYYY-MM``) and plan
    period: Mapped[str | None] = mapped_column(String(7))
    plan: Mapped[str | None] = mapped_column(String(40))
    #: who posted it (the ledger's own allocations and expiries: whoever caught up)
    member_id: Mapped[int | None] = mapped_column(Integer, index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    def __repr__(self) -> str:
        return f"LedgerEntry(id={self.id!r}, kind={self.kind!r}, amount={self.amount!r})"


class Setting(Base):
    """A user setting by key; declarations (type, default, title) live in app.settings."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON)

    def __repr__(self) -> str:
        return f"Setting({self.key!r}={self.value!r})"


class InsightsProposalFact(Base):
    """One submitted proposal's Insights dimensions and outcome, kept up to date incrementally.

    A derived copy (see :func:`app.insights.refresh_facts`): every column is
    computed from the proposal, its posting, score card, status history and
    refunds by the same SQL the live computation uses; nothing here depends
    on the time of day (the verdict thresholds are a watermark: changing them
    rebuilds the table).
    """

    __tablename__ = "insights_proposal_fact"
    __table_args__ = (
        # covering, in GROUP BY order: the per-combination sums walk it without sorting
        Index(
            "ix_insights_proposal_fact_groups",
            "category",
            "verdict",
            "key",
            "submitted_at",
            "profile_id",
            "member_id",
            "reached",
            "connects",
            "revenue",
        ),
        # covering, in GROUP BY order: the per-month sums
        Index(
            "ix_insights_proposal_fact_months",
            "month",
            "submitted_at",
            "profile_id",
            "member_id",
            "reached",
            "connects",
            "revenue",
        ),
    )

    #: the proposal's id (no foreign key: the refresh notices deletions itself)
    proposal_id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    profile_id: Mapped[int | None] = mapped_column(Integer)
    submitted_at: Mapped[datetime] = mapped_column()
    category: Mapped[str] = mapped_column(String(200))
    #: the score card's verdict, else derived from the score and the verdict thresholds
    verdict: Mapped[str] = mapped_column(String(10))
    #: score band, invited, boosted and delay bucket packed in one small integer
    key: Mapped[int] = mapped_column(Integer)
    #: first day of the submission month, ``YYYY-MM-01``
    month: Mapped[str] = mapped_column(String(10))
    #: rank of the furthest stage reached (1 submitted … 5 hired)
    reached: Mapped[int] = mapped_column(Integer)
    #: Connects spent and boosted, net of refunds
    connects: Mapped[int] = mapped_column(Integer)
    revenue: Mapped[float] = mapped_column(Float)
    #: the member who made the proposal (``proposal.member_id``), for the member filter;
    #: last, as ``ALTER TABLE ... ADD COLUMN`` (migration 0018) puts it
    member_id: Mapped[int | None] = mapped_column(Integer)


class InsightsFactState(Base):
    """Watermarks of what :class:`InsightsProposalFact` already reflects (name → value)."""

    __tablename__ = "insights_fact_state"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(60))


class ImportBatch(Base):
    """One import of one file: what it was, what it did, and whether it was undone."""

    __tablename__ = "import_batch"
    __table_args__ = (Index("ix_import_batch_imported_at", "imported_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(300))
    file_size: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    format: Mapped[str] = mapped_column(String(10))
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)
    added: Mapped[int] = mapped_column(Integer, default=0)
    updated: Mapped[int] = mapped_column(Integer, default=0)
    #: of ``updated``: postings whose stored values the import changed
    changed: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0)
    empty: Mapped[int] = mapped_column(Integer, default=0)
    errors: Mapped[int] = mapped_column(Integer, default=0)
    #: how dates like 06/07/2024 were read: DMY or MDY
    date_order: Mapped[str] = mapped_column(String(3))
    #: column → field (None: not imported) for CSV; empty for JSON
    mapping: Mapped[dict[str, Any]] = mapped_column(default=dict)
    unmapped_columns: Mapped[list[str]] = mapped_column(default=list)
    undone_at: Mapped[datetime | None] = mapped_column()

    changes: Mapped[list[ImportChange]] = relationship(
        back_populates="batch", cascade="all, delete-orphan", passive_deletes=True
    )

    def __repr__(self) -> str:
        return f"ImportBatch(id={self.id!r}, file={self.file_name!r})"


class ImportChange(Base):
    """What one import did to one posting, so that undo can take it back.

    ``added``: the import created the posting; ``digest`` is a hash of the values it
    wrote (undo removes it unless they changed since). ``updated``: the import changed
    the columns in ``before`` (their earlier values) to those in ``after``; undo puts
    back each column still as the import left it.
    """

    __tablename__ = "import_change"
    __table_args__ = (
        UniqueConstraint("batch_id", "job_id"),
        Index("ix_import_change_job_id", "job_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batch.id", ondelete="CASCADE"))
    #: no foreign key: the record outlives a posting removed since
    job_id: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(10))  # added | updated
    digest: Mapped[str | None] = mapped_column(String(64))
    #: null for an added posting
    before: Mapped[dict[str, Any] | None] = mapped_column()
    after: Mapped[dict[str, Any] | None] = mapped_column()

    batch: Mapped[ImportBatch] = relationship(back_populates="changes")

    def __repr__(self) -> str:
        return f"ImportChange(batch={self.batch_id!r}, job={self.job_id!r}, kind={self.kind!r})"
