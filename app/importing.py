"""Bulk import of postings from CSV, JSON and JSONL files (alert tools, scrapers, Upwork's
job-search GraphQL objects).

One transaction per file: a file with a broken row imports nothing, unless
``skip_invalid`` is set, and then only the good rows. Either way the report
names each bad row and what was wrong. Importing the same file twice updates
the postings (matched by platform id or URL), it never duplicates them.
"""

from __future__ import annotations

import csv
import io
import json
import re
import types
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from sqlalchemy.orm import Session

from app import clock, settings
from app.domain import BudgetType, ClientFacts, ExperienceLevel, PostingFacts
from app.errors import InputError
from app.limits import check_field_size, cut_description, load_json
from app.parsing.countries import country_name
from app.parsing.money import parse_money
from app.parsing.times import parse_relative
from app.parsing.upwork import (
    DURATION,
    HOURS,
    LEVELS,
    mark_missing,
    proposal_bucket,
    split_skills,
)
from app.storage.bulk import gc_paused
from app.storage.db import Database
from app.storage.jobs import bulk_upsert
from app.storage.models import JobPosting
from app.storage.postings import apply_facts

FORMATS = ("auto", "csv", "json", "jsonl")
MAX_FILE_BYTES = 512 * 1024 * 1024
# csv refuses a cell over 128 KB; a long description is read whole and then cut to the
# setting import.max_description_chars, with a note (process-wide, and only ever raised)
csv.field_size_limit(max(csv.field_size_limit(), MAX_FILE_BYTES))
BATCH = 1000
_INT_RANGE = 2**63

#: column names tools use, per field (first found wins; compared lower-case, ``-``/space → ``_``)
COLUMNS: dict[str, tuple[str, ...]] = {
    "title": ("title", "job_title", "name", "subject"),
    "url": ("url", "link", "job_url", "joburl", "href", "permalink"),
    "description": ("description", "desc", "snippet", "body", "content", "job_description"),
    "skills": ("skills", "tags", "skill", "keywords", "ontologyskills"),
    "budget": ("budget", "fixed_budget", "fixed_price", "amount", "price", "budget_amount"),
    "hourly_min": ("hourly_range_min", "hourly_min", "hourlybudgetmin", "min_rate", "rate_min"),
    "hourly_max": ("hourly_range_max", "hourly_max", "hourlybudgetmax", "max_rate", "rate_max"),
    "rate": ("rate", "job_type_rate", "budget_text", "payment"),
    "budget_type": ("budget_type", "job_type", "jobtype", "type", "payment_type"),
    "experience_level": ("exp_lvl", "experience_level", "experience", "contractortier", "tier"),
    "est_time": ("est_time", "estimated_time", "duration_text", "engagement"),
    "duration": ("duration", "project_length", "length"),
    "hours_per_week": ("hours_per_week", "workload", "hours"),
    "posted_at": (
        "published",
        "posted_at",
        "posted",
        "published_at",
        "publishtime",
        "date",
        "created_at",
        "createddatetime",
        "time",
    ),
    "category": ("category", "subcategory", "occupation"),
    "country": ("country", "client_country", "location", "client_location"),
    "city": ("city", "client_city"),
    "proposals": ("proposals", "proposals_count", "totalapplicants", "applicants", "bids"),
    "connects": ("connects", "connects_required", "connectprice", "connect_price"),
    "payment_verified": (
        "payment_verified",
        "client_payment_verified",
        "paymentverificationstatus",
        "verified",
    ),
    "rating": ("client_rating", "rating", "totalfeedback", "feedback"),
    "reviews": ("client_reviews", "reviews", "totalreviews"),
    "total_spent": ("client_spent", "total_spent", "client_total_spent", "totalspent", "spent"),
    "hires": ("client_hires", "hires", "totalhires"),
    "jobs_posted": ("client_jobs_posted", "jobs_posted", "totalpostedjobs"),
    "hire_rate": ("client_hire_rate", "hire_rate"),
    "external_id": ("ciphertext", "job_id", "uid", "id"),
    "platform": ("platform", "site", "marketplace"),
}
_LIST_SEP = re.compile(r"[,;|]")
_LIST_SPLIT = re.compile(r"\s*[,;|]\s*")
_NOT_NUMBER = re.compile(r"[^\d.,\-]")
_BUDGET_ONLY = re.compile(r"(?:Est\.\s*Budget:\s*)?\$[\d,.]+[KkMm]?\+?")
_AMOUNT = re.compile(r"\$?\d[\d,]*(?:\.\d+)?[KkMm]?")
_LEVEL_SUFFIX = re.compile(r"(?<=[a-z])level$")
_DURATION = re.compile(DURATION, re.IGNORECASE)
_HOURS = re.compile(HOURS, re.IGNORECASE)
_ALIASES = {alias: name for name, aliases in COLUMNS.items() for alias in aliases}


@dataclass
class RowError:
    """What was wrong with one row (1-based, as a person counts rows in the file)."""

    row: int
    message: str


@dataclass
class ImportReport:
    """The outcome of importing one file."""

    added: int = 0
    updated: int = 0
    skipped: int = 0
    errors: list[RowError] = field(default_factory=list)
    #: what was changed to fit (a description cut to the limit): stored, but not as written
    notes: list[RowError] = field(default_factory=list)

    @property
    def imported(self) -> int:
        return self.added + self.updated

    def to_json(self) -> dict[str, Any]:
        """The ``pwb import --json`` summary: ``{added, updated, skipped, errors, notes}``,
        each of the last two a list of ``{row, message}``."""
        return {
            "added": self.added,
            "updated": self.updated,
            "skipped": self.skipped,
            "errors": [{"row": e.row, "message": e.message} for e in self.errors],
            "notes": [{"row": n.row, "message": n.message} for n in self.notes],
        }


ProgressFn = Callable[[int, int], None]


# -- reading files ---------------------------------------------------------------------------


def read_records(path: Path, fmt: str = "auto") -> list[tuple[int, Any]]:
    """(row number, record) for every record in the file; file-level problems → InputError."""
    if fmt not in FORMATS:
        raise InputError(f"unknown import format {fmt!r} (use one of {', '.join(FORMATS)})")
    if not path.is_file():
        raise InputError(f"no such file: {path}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror}") from None
    if len(data) > MAX_FILE_BYTES:
        raise InputError(f"{path.name} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB")
    text = _decode(data, path.name)
    if not text.strip():
        raise InputError(f"{path.name} is empty")
    if fmt == "auto":
        fmt = _detect_format(path, text)
    if fmt == "csv":
        return _csv_records(text, path.name)
    if fmt == "jsonl":
        return _jsonl_records(text)
    return _json_records(text, path.name)


def _decode(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if b"\x00" in data[:4096]:
        raise InputError(f"{name} is binary, not a CSV or JSON text file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{name} is not UTF-8 text (bad byte at position {exc.start}): save it as UTF-8 "
            "(e.g. 'CSV UTF-8' in Excel) and import again"
        ) from None


def _detect_format(path: Path, text: str) -> str:
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix == ".json":
        return "json"
    if suffix in (".csv", ".tsv", ".txt"):
        return "csv"
    head = text.lstrip()[:1]
    if head == "[":
        return "json"
    if head == "{":
        first = text.lstrip().split("\n", 1)[0]
        try:
            load_json(first)
        except (json.JSONDecodeError, InputError):
            return "json"
        return "jsonl"
    return "csv"


def _csv_records(text: str, name: str) -> list[tuple[int, Any]]:
    sample = text[:20000]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        header = next(reader)
    except (StopIteration, csv.Error) as exc:
        raise InputError(f"{name}: cannot read the CSV header ({exc})") from None
    keys = [_key(h) for h in header]
    if not any(k in _ALIASES for k in keys):
        raise InputError(
            f"{name} has no header row naming its columns (expected names like title, url, "
            "description, skills, budget)"
        )
    records: list[tuple[int, Any]] = []
    try:
        for n, row in enumerate(reader, 1):
            if not any(cell.strip() for cell in row):
                continue
            if len(row) > len(header):
                records.append((n, InputError(f"{len(row)} cells but {len(header)} columns")))
                continue
            records.append((n, dict(zip(header, row, strict=False))))
    except csv.Error as exc:
        raise InputError(f"{name}: broken CSV near row {reader.line_num}: {exc}") from None
    return records


def _jsonl_records(text: str) -> list[tuple[int, Any]]:
    records: list[tuple[int, Any]] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            records.append((n, load_json(line)))
        except json.JSONDecodeError as exc:
            records.append((n, InputError(f"not JSON: {exc.msg} at column {exc.colno}")))
        except InputError as exc:  # over a limit (nesting, digits)
            records.append((n, exc))
    return records


def _json_records(text: str, name: str) -> list[tuple[int, Any]]:
    try:
        data = load_json(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name} is not valid JSON: {exc.msg} (line {exc.lineno})") from None
    except InputError as exc:
        raise InputError(f"{name}: {exc.message}") from None
    items = _find_list(data)
    if items is None:
        raise InputError(
            f"{name} holds a JSON {_JSON_TYPES.get(type(data), 'value')}, not a list of postings "
            "(expected [ {...}, {...} ])"
        )
    return list(enumerate(items, 1))


_JSON_TYPES = {dict: "object", str: "string", int: "number", float: "number", bool: "boolean"}


def _find_list(data: Any, depth: int = 0) -> list[Any] | None:
    """The list of postings, also inside common wrappers ({"jobs": [...]}, GraphQL responses)."""
    if isinstance(data, list):
        if data and all(isinstance(item, dict) and set(item) == {"node"} for item in data):
            return [item["node"] for item in data]
        return data
    if not isinstance(data, dict) or depth > 6:
        return None
    for key in ("jobs", "results", "items", "postings", "edges", "data"):
        if key in data:
            found = _find_list(data[key], depth + 1)
            if found is not None:
                return found
    for value in data.values():
        if isinstance(value, dict):
            found = _find_list(value, depth + 1)
            if found is not None:
                return found
    return None


# -- records → facts -------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _key(name: str) -> str:
    return re.sub(r"[\s\-.]+", "_", str(name).strip().lower())


def record_to_facts(record: Any, now: datetime | None = None) -> PostingFacts:
    """One imported record (a flat row or an Upwork GraphQL object) as PostingFacts."""
    if isinstance(record, InputError):
        raise record
    if not isinstance(record, dict):
        raise InputError(f"expected an object with fields, got {type(record).__name__}")
    moment = now or clock.now()
    try:
        if _is_graphql(record):
            return _graphql_facts(record, moment)
        fields: dict[str, Any] = {}
        for raw_key, value in record.items():
            name = _ALIASES.get(_key(str(raw_key)))
            if name is not None and name not in fields and not _blank(value):
                fields[name] = value
        return _facts_from_fields(fields, moment)
    except (ValueError, OverflowError, OSError) as exc:
        # out-of-range numbers and dates ("1e999", a timestamp in year 300000)
        raise InputError(f"a value is out of range: {exc}") from None


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == []


def _is_graphql(record: dict[str, Any]) -> bool:
    return "jobTile" in record or "upworkHistoryData" in record or "ontologySkills" in record


def _dig(data: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _graphql_facts(record: dict[str, Any], now: datetime) -> PostingFacts:
    job = _dig(record, "jobTile", "job")
    job = job if isinstance(job, dict) else {}
    client = _dig(record, "upworkHistoryData", "client")
    client = client if isinstance(client, dict) else {}
    listed = record.get("ontologySkills")
    skills = [
        s.get("prettyName") or s.get("name")
        for s in (listed if isinstance(listed, list) else [])
        if isinstance(s, dict)
    ]
    fields: dict[str, Any] = {
        "title": record.get("title"),
        "description": record.get("description"),
        "skills": [s for s in skills if s],
        "connects": record.get("connectPrice"),
        "budget_type": job.get("jobType"),
        "hourly_min": job.get("hourlyBudgetMin"),
        "hourly_max": job.get("hourlyBudgetMax"),
        "experience_level": job.get("contractorTier"),
        "posted_at": job.get("publishTime") or job.get("createTime"),
        "proposals": job.get("totalApplicants"),
        "budget": _dig(job, "fixedPriceAmount", "amount"),
        "duration": _dig(job, "hourlyEngagementDuration", "label")
        or _dig(job, "fixedPriceEngagementDuration", "label"),
        "payment_verified": client.get("paymentVerificationStatus"),
        "country": client.get("country"),
        "reviews": client.get("totalReviews"),
        "rating": client.get("totalFeedback"),
        "total_spent": _dig(client, "totalSpent", "amount"),
        "hires": client.get("totalHires"),
        "jobs_posted": client.get("totalPostedJobs"),
        "external_id": job.get("ciphertext") or record.get("ciphertext") or record.get("id"),
        "url": record.get("url"),
    }
    ext = fields["external_id"]
    if fields["url"] is None and isinstance(ext, str) and ext.startswith("~"):
        fields["url"] = f"https://www.upwork.com/jobs/{fields['external_id']}"
    return _facts_from_fields({k: v for k, v in fields.items() if not _blank(v)}, now)


def _facts_from_fields(f: dict[str, Any], now: datetime) -> PostingFacts:
    for name, value in f.items():
        check_field_size(name, value)
    facts = PostingFacts(client=ClientFacts())
    facts.title = _text(f.get("title"))
    facts.description = _text(f.get("description"))
    facts.url = _text(f.get("url"))
    if not (facts.title or facts.description or facts.url):
        raise InputError("no title, description or URL")
    facts.category = _text(f.get("category"))
    facts.skills = _skills(f.get("skills"))
    facts.platform = (_text(f.get("platform")) or "upwork").lower()
    ext = f.get("external_id")
    facts.external_id = str(ext).strip() if ext not in (None, "") else None
    _budget(f, facts)
    level = f.get("experience_level")
    if level is not None:
        facts.experience_level = _level(level)
    _estimate(f, facts)
    if "posted_at" in f:
        facts.posted_at = _moment(f["posted_at"], now)
    if "proposals" in f:
        facts.proposals_min, facts.proposals_max = _proposals(f["proposals"])
    if "connects" in f:
        facts.connects_required = _int(f["connects"], "connects")
    client = facts.client
    if "payment_verified" in f:
        client.payment_verified = _bool(f["payment_verified"])
    if "rating" in f:
        rating = _number(f["rating"], "rating")
        client.rating = rating if rating and 0 < rating <= 5 else None
    if "reviews" in f:
        client.reviews = _int(f["reviews"], "reviews")
    if "total_spent" in f:
        client.total_spent = _amount(f["total_spent"], "total spent")
    if "hires" in f:
        client.hires = _int(f["hires"], "hires")
    if "jobs_posted" in f:
        client.jobs_posted = _int(f["jobs_posted"], "jobs posted")
    if "hire_rate" in f:
        client.hire_rate = _number(str(f["hire_rate"]).rstrip("% "), "hire rate")
    if "country" in f:
        raw = _text(f["country"])
        client.country = country_name(raw) or raw
    client.city = _text(f.get("city"))
    return mark_missing(facts)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).replace("\u00a0", " ").strip()
    return text or None


def _skills(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        stripped = value.strip()
        if stripped.startswith("["):
            try:
                value = load_json(stripped)
            except json.JSONDecodeError:
                value = stripped.strip("[]").replace("'", "").split(",")
            except InputError as exc:
                raise InputError(f"skills: {exc.message}") from None
        elif _LIST_SEP.search(stripped):
            value = _LIST_SPLIT.split(stripped)
        else:
            value = split_skills(stripped)  # one cell, perhaps glued: "Data ScrapingPython"
    if not isinstance(value, list):
        raise InputError(f"skills {value!r} is not a list")
    out: list[str] = []
    for item in value:
        name = item.get("prettyName") or item.get("name") if isinstance(item, dict) else item
        if name is not None:
            text = str(name).strip()
            if text:
                out.append(text)
    return list(dict.fromkeys(out))


def _number(value: Any, what: str) -> float | None:
    if isinstance(value, bool):
        raise InputError(f"{what} {value!r} is not a number")
    if isinstance(value, int | float):
        return float(value)
    text = str(value).strip()
    if not text:
        return None
    try:
        return float(text.replace(",", ""))
    except ValueError:
        raise InputError(f"{what} {text!r} is not a number") from None


def _int(value: Any, what: str) -> int | None:
    number = (
        _number(value, what)
        if not isinstance(value, str)
        else _number(_NOT_NUMBER.sub("", value) or value, what)
    )
    if number is None:
        return None
    return _in_range(int(number), value, what)


def _in_range(number: int, value: Any, what: str) -> int:
    """``number``, if a database integer can hold it (SQLite's are 64-bit)."""
    if abs(number) >= _INT_RANGE:
        shown = str(value) if len(str(value)) <= 40 else f"{str(value)[:20]}…"
        raise InputError(f"{what} {shown} is out of range")
    return number


def _amount(value: Any, what: str) -> float | None:
    if isinstance(value, dict):
        value = value.get("amount")
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    parsed = parse_money(str(value))
    if parsed is None:
        raise InputError(f"{what} {value!r} is not an amount")
    return parsed


def _budget(f: dict[str, Any], facts: PostingFacts) -> None:
    est = _text(f.get("est_time")) or ""
    if "budget" not in f and _BUDGET_ONLY.fullmatch(est):
        f["budget"] = est  # scrapers put a fixed price's budget where the estimate goes
        f.pop("est_time")
    kind = str(f.get("budget_type") or "").lower()
    rate = _text(f.get("rate")) or ""
    if "hour" in kind or rate.lower().startswith("hourly"):
        facts.budget_type = BudgetType.HOURLY
    elif "fix" in kind or rate.lower().startswith("fixed"):
        facts.budget_type = BudgetType.FIXED
    amounts = [parse_money(m) for m in _AMOUNT.findall(rate)]
    amounts = [a for a in amounts if a is not None]
    if "hourly_min" in f:
        facts.hourly_min = _amount(f["hourly_min"], "hourly minimum")
    if "hourly_max" in f:
        facts.hourly_max = _amount(f["hourly_max"], "hourly maximum")
    if "budget" in f:
        facts.fixed_budget = _amount(f["budget"], "budget")
    if facts.budget_type is BudgetType.HOURLY and amounts and facts.hourly_min is None:
        facts.hourly_min, facts.hourly_max = amounts[0], amounts[-1]
    elif facts.budget_type is BudgetType.FIXED and amounts and facts.fixed_budget is None:
        facts.fixed_budget = amounts[0]
    if facts.budget_type is None:
        if facts.hourly_min is not None or facts.hourly_max is not None:
            facts.budget_type = BudgetType.HOURLY
        elif facts.fixed_budget is not None:
            facts.budget_type = BudgetType.FIXED
    if facts.budget_type is BudgetType.HOURLY and facts.fixed_budget is not None:
        if facts.hourly_min is None and facts.hourly_max is None:
            facts.hourly_min = facts.hourly_max = facts.fixed_budget
        facts.fixed_budget = None


def _level(value: Any) -> ExperienceLevel | None:
    text = str(value).strip().lower()
    text = _LEVEL_SUFFIX.sub("", text).replace("_", " ").strip()
    if text in LEVELS:
        return LEVELS[text]
    numeric = {"1": ExperienceLevel.ENTRY, "2": ExperienceLevel.INTERMEDIATE}
    numeric["3"] = ExperienceLevel.EXPERT
    if text in numeric:
        return numeric[text]
    raise InputError(f"experience level {value!r} is not entry, intermediate or expert")


def _estimate(f: dict[str, Any], facts: PostingFacts) -> None:
    est = _text(f.get("est_time")) or ""
    duration = _DURATION.search(est)
    hours = _HOURS.search(est)
    facts.duration = _text(f.get("duration")) or (duration.group(0) if duration else None)
    facts.hours_per_week = _text(f.get("hours_per_week")) or (hours.group(0) if hours else None)
    if est and facts.duration is None and facts.hours_per_week is None:
        facts.duration = est


def _moment(value: Any, now: datetime) -> datetime | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        seconds = value / 1000 if value > 10**11 else value
        return datetime.fromtimestamp(seconds, UTC)
    text = str(value).strip()
    if not text:
        return None
    if text.isdigit():
        return _moment(int(text), now)
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        relative = parse_relative(text, now)
        if relative is None:
            raise InputError(f"date {text!r} is neither ISO 8601 nor like '2 hours ago'") from None
        return relative
    return clock.as_utc(moment)


def _proposals(value: Any) -> tuple[int | None, int | None]:
    if isinstance(value, int | float) and not isinstance(value, bool):
        count = _in_range(int(value), value, "proposals")
        return count, count
    low, high = proposal_bucket(str(value).replace("Proposals:", "").strip())
    if low is None:
        raise InputError(f"proposals {value!r} is not a number or a bucket like '5 to 10'")
    return _in_range(low, value, "proposals"), high and _in_range(high, value, "proposals")


def _bool(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "y", "verified", "payment verified"):
        return True
    if text in ("0", "false", "no", "n", "unverified", "not verified", "not_verified"):
        return False
    raise InputError(f"payment verified {value!r} is not yes/no")


# -- storing ---------------------------------------------------------------------------------


def posting_values(facts: PostingFacts) -> dict[str, Any]:
    """Column values of a ``job_posting`` row for ``facts`` (for bulk inserts and updates)."""
    row = types.SimpleNamespace()
    apply_facts(cast(JobPosting, row), facts)
    return vars(row)


def import_records(
    session: Session,
    records: list[tuple[int, Any]],
    *,
    source: str,
    skip_invalid: bool = False,
    now: datetime | None = None,
    progress: ProgressFn | None = None,
) -> ImportReport:
    """Store the records in ``session`` (no commit); the caller decides on commit or rollback."""
    with gc_paused():
        return _import_records(session, records, source, skip_invalid, now, progress)


def _import_records(
    session: Session,
    records: list[tuple[int, Any]],
    source: str,
    skip_invalid: bool,
    now: datetime | None,
    progress: ProgressFn | None,
) -> ImportReport:
    report = ImportReport()
    moment = now or clock.now()
    total = len(records)
    by_key: dict[str, dict[str, Any]] = {}
    limit = max(1, int(settings.get(session, "import.max_description_chars")))
    for done, (row, record) in enumerate(records, 1):
        try:
            facts = record_to_facts(record, moment)
            facts.description, note = cut_description(facts.description, limit)
            if note is not None:
                report.notes.append(RowError(row, note))
            values = posting_values(facts)
        except InputError as exc:
            report.errors.append(RowError(row, exc.message))
        else:
            key = values["dedup_key"]
            if key in by_key:
                report.updated += 1
            by_key[key] = values
        if progress is not None and done % BATCH == 0:
            progress(done // 2, total)
    if report.errors and not skip_invalid:
        report.skipped = total
        report.updated = 0
        return report
    report.skipped = len(report.errors)
    _store(session, list(by_key.values()), source, moment, report, progress, total)
    return report


def _store(
    session: Session,
    rows: list[dict[str, Any]],
    source: str,
    now: datetime,
    report: ImportReport,
    progress: ProgressFn | None,
    total: int,
) -> None:
    for start in range(0, len(rows), BATCH):
        batch = rows[start : start + BATCH]
        added, updated = bulk_upsert(session, batch, source=source, now=now)
        report.added += added
        report.updated += updated
        if progress is not None:
            progress(total // 2 + (start + len(batch)) * (total - total // 2) // len(rows), total)


def import_file(
    session: Session,
    path: Path,
    *,
    fmt: str = "auto",
    skip_invalid: bool = False,
    now: datetime | None = None,
    progress: ProgressFn | None = None,
) -> ImportReport:
    """Read and store one file in ``session``; nothing is stored when the report has errors
    and ``skip_invalid`` is off (the caller commits only what this leaves in the session)."""
    records = read_records(path, fmt)
    if not records:
        raise InputError(f"{path.name} holds no postings")
    report = import_records(
        session,
        records,
        source=f"import:{path.name}",
        skip_invalid=skip_invalid,
        now=now,
        progress=progress,
    )
    if progress is not None:
        progress(len(records), len(records))
    return report


def import_into(
    db: Database,
    path: Path,
    *,
    fmt: str = "auto",
    skip_invalid: bool = False,
    progress: ProgressFn | None = None,
) -> ImportReport:
    """Import one file in its own transaction: committed only when the report allows it.

    An exception from ``progress`` (the user cancelled) rolls everything back.
    """
    try:
        with db.transaction() as session:
            report = import_file(
                session, path, fmt=fmt, skip_invalid=skip_invalid, progress=progress
            )
            if report.errors and not skip_invalid:
                raise _NothingImported(report)  # rolls the whole file back
    except _NothingImported as refused:
        return refused.report
    return report


class _NothingImported(Exception):
    """Raised inside the import's transaction to roll it back; carries the report."""

    def __init__(self, report: ImportReport) -> None:
        super().__init__("nothing imported")
        self.report = report
