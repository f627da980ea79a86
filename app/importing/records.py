"""One imported record (a CSV row, a flat JSON object, an Upwork GraphQL object) →
:class:`PostingFacts`."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

import pycountry

from app import clock
from app.domain import BudgetType, ClientFacts, ExperienceLevel, PostingFacts
from app.errors import InputError
from app.importing import values as cells
from app.importing.dates import MONTH_FIRST, parse_when
from app.importing.mapping import ALIASES, INDEX, ColumnMapping, column_key, is_index
from app.limits import MAX_FIELD_CHARS, check_field_size, load_json
from app.parsing.countries import country_name
from app.parsing.money import parse_money
from app.parsing.times import parse_date
from app.parsing.upwork import DURATION, HOURS, LEVELS, mark_missing, proposal_bucket, split_skills

_INT_RANGE = 2**63
_LIST_SEP = re.compile(r"[,;|]")
_LIST_SPLIT = re.compile(r"\s*[,;|]\s*")
_NOT_NUMBER = re.compile(r"[^\d.,\-]")
_BUDGET_ONLY = re.compile(r"(?:Est\.\s*Budget:\s*)?\$[\d,.]+[KkMm]?\+?")
_AMOUNT = re.compile(r"\$?\d[\d,]*(?:\.\d+)?[KkMm]?")
_LEVEL_SUFFIX = re.compile(r"(?<=[a-z])level$")
_DURATION = re.compile(DURATION, re.IGNORECASE)
_HOURS = re.compile(HOURS, re.IGNORECASE)
#: what a client's location says when it is no country
_NO_COUNTRY = frozenset({"worldwide", "anywhere", "remote", "global", "international"})
#: fields whose text is free text (HTML made plain, lists joined)
_TEXT_FIELDS = ("title", "description", "url", "category", "city", "industry", "company_size")


class EmptyRecord(InputError):
    """A row with no title, description or URL (a scraper's dead link): skipped, not an error."""

    def __init__(self) -> None:
        super().__init__("no title, description or URL")


class RecordReader:
    """Turns the records of one file into facts, with the file's mapping and date order."""

    def __init__(
        self,
        now: datetime | None = None,
        *,
        mapping: ColumnMapping | None = None,
        date_order: str = MONTH_FIRST,
    ) -> None:
        self.now = clock.now() if now is None else clock.as_utc(now)
        self.mapping = mapping
        self.used = mapping.used() if mapping is not None else []
        self.date_order = date_order
        #: keys of JSON objects that map to no field, as first seen
        self.unmapped: dict[str, None] = {}

    def fields(self, record: Any) -> dict[str, Any]:
        """The raw value of each field the record has (blank ones left out)."""
        if isinstance(record, InputError):
            raise record
        if isinstance(record, list) and self.mapping is not None:
            found: dict[str, Any] = {}
            for index, name in self.used:
                value = record[index]
                if name not in found and value.strip():
                    found[name] = value
            return found
        if not isinstance(record, dict):
            raise InputError(f"expected an object with fields, got {type(record).__name__}")
        if is_graphql(record):
            return _graphql_fields(record)
        found = {}
        for raw_key, value in record.items():
            key = str(raw_key)
            known = ALIASES.get(column_key(key))
            if known is None:
                if key not in self.unmapped and not is_index(key) and len(self.unmapped) < 200:
                    self.unmapped[key] = None
                continue
            if known not in found and not _blank(value):
                found[known] = value
        return found

    def facts(self, record: Any) -> PostingFacts:
        """The posting in ``record``; :class:`EmptyRecord` for a row with nothing to store,
        :class:`InputError` naming the field for a value that cannot be read."""
        fields = self.fields(record)
        try:
            return _facts_from_fields(fields, self.now, self.date_order)
        except (ValueError, OverflowError, OSError) as exc:
            # out-of-range numbers and dates ("1e999", a timestamp in year 300000)
            raise InputError(f"a value is out of range: {exc}") from None


def record_to_facts(
    record: Any, now: datetime | None = None, *, date_order: str = MONTH_FIRST
) -> PostingFacts:
    """One imported record (a flat object or an Upwork GraphQL object) as PostingFacts."""
    return RecordReader(now, date_order=date_order).facts(record)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or value == []


def is_graphql(record: dict[str, Any]) -> bool:
    return "jobTile" in record or "upworkHistoryData" in record or "ontologySkills" in record


def _dig(data: Any, *path: str) -> Any:
    for key in path:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _graphql_fields(record: dict[str, Any]) -> dict[str, Any]:
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
    return {k: v for k, v in fields.items() if not _blank(v)}


def _facts_from_fields(raw: dict[str, Any], now: datetime, order: str) -> PostingFacts:
    f: dict[str, Any] = {}
    for name, value in raw.items():
        if type(value) is not str or len(value) > MAX_FIELD_CHARS:  # most cells: short text
            check_field_size(name, value)
        if name == "skills":
            f[name] = value
            continue
        value = cells.cell(value, name)
        if value is not None:
            f[name] = value
    facts = PostingFacts(client=ClientFacts())
    facts.title = cells.clean_title(f.get("title"))
    facts.description = cells.clean_text(f.get("description"))
    facts.url = cells.clean_text(cells.scalar(f.get("url")))
    if not (facts.title or facts.description or facts.url):
        raise EmptyRecord()
    facts.category = cells.clean_text(f.get("category"))
    facts.skills = _skills(f.get("skills"))
    facts.platform = (cells.clean_text(cells.scalar(f.get("platform"))) or "upwork").lower()
    ext = cells.scalar(f.get("external_id"))
    facts.external_id = _text(ext)
    _budget(f, facts)
    level = cells.scalar(f.get("experience_level"))
    if level is not None:
        facts.experience_level = _level(level)
    _estimate(f, facts)
    if "posted_at" in f:
        facts.posted_at = parse_when(cells.scalar(f["posted_at"]), now, order)
    if "proposals" in f:
        facts.proposals_min, facts.proposals_max = _proposals(cells.scalar(f["proposals"]))
    for name, attr in (
        ("connects", "connects_required"),
        ("interviewing", "interviewing"),
        ("invites_sent", "invites_sent"),
        ("unanswered_invites", "unanswered_invites"),
    ):
        if name in f:
            setattr(facts, attr, _int(cells.scalar(f[name]), name.replace("_", " ")))
    client = facts.client
    if "payment_verified" in f:
        client.payment_verified = _bool(cells.scalar(f["payment_verified"]))
    if "rating" in f:
        rating = _number(cells.scalar(f["rating"]), "rating")
        client.rating = rating if rating and 0 < rating <= 5 else None
    for name in ("reviews", "hires", "active_hires", "jobs_posted", "open_jobs"):
        if name in f:
            setattr(client, name, _int(cells.scalar(f[name]), name.replace("_", " ")))
    if "total_spent" in f:
        client.total_spent = _amount(cells.scalar(f["total_spent"]), "total spent")
    if "avg_hourly_rate" in f:
        client.avg_hourly_rate = _amount(cells.scalar(f["avg_hourly_rate"]), "avg hourly rate")
    if "hire_rate" in f:
        client.hire_rate = _number(str(cells.scalar(f["hire_rate"])).rstrip("% "), "hire rate")
    if "member_since" in f:
        client.member_since = _day(cells.scalar(f["member_since"]), now, order)
    if "country" in f:
        client.country = _country(cells.clean_text(cells.scalar(f["country"])))
    client.city = cells.clean_text(cells.scalar(f.get("city")))
    client.industry = _short(cells.clean_text(cells.scalar(f.get("industry"))), "industry")
    client.company_size = _short(
        cells.clean_text(cells.scalar(f.get("company_size"))), "company size"
    )
    return mark_missing(facts)


def _short(text: str | None, what: str) -> str | None:
    """A short text field (stored in 100 characters): longer is a column mapped wrongly."""
    if text is not None and len(text) > 100:
        raise InputError(f"{what} is over 100 characters ({text[:30]!r}…)")
    return text


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).replace("\u00a0", " ").strip()
    return text or None


def _country(text: str | None) -> str | None:
    """A name, an ISO alpha-3 or (in files, not pastes) alpha-2 code; ``Worldwide`` is none."""
    if text is None or text.lower() in _NO_COUNTRY:
        return None
    if len(text) == 2 and text.isalpha() and text.isupper():
        found = pycountry.countries.get(alpha_2=text)
        if found is not None:
            return country_name(found.alpha_3) or text
    return country_name(text) or text


def _day(value: Any, now: datetime, order: str) -> date | None:
    text = _text(value)
    if text is None:
        return None
    found = parse_date(text)  # "Jun 2024", "Jun 11, 2024"
    if found is not None:
        return found
    moment = parse_when(text, now, order)
    return moment.date() if moment is not None else None


def _skills(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        stripped = value.strip()
        listed = cells.list_literal(stripped, "skills") if stripped.startswith("[") else None
        if listed is not None:
            value = listed
        elif stripped.startswith("["):
            try:
                value = load_json(stripped)
            except ValueError:
                value = stripped.strip("[]").replace("'", "").split(",")
            except InputError as exc:
                raise InputError(f"skills: {exc.message}") from None
        elif _LIST_SEP.search(stripped):
            value = _LIST_SPLIT.split(stripped)
        else:
            value = split_skills(stripped)  # one cell, perhaps glued: "Data ScrapingPython"
    if not isinstance(value, list):
        raise InputError(f"skills {value!r} is not a list")
    seen: dict[str, str] = {}
    for item in value:
        name = item.get("prettyName") or item.get("name") if isinstance(item, dict) else item
        if name is None or isinstance(name, list | dict):
            continue
        text = cells.clean_text(" ".join(str(name).split()))
        if text:
            seen.setdefault(text.lower(), text)
    return list(seen.values())


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


def _amounts(value: Any) -> list[float]:
    if isinstance(value, list):
        found = [_amount(v, "budget") if not isinstance(v, str) else parse_money(v) for v in value]
    else:
        text = str(value)
        found = [parse_money(m) for m in _AMOUNT.findall(text)]
    return [a for a in found if a is not None]


def _budget(f: dict[str, Any], facts: PostingFacts) -> None:
    est = _text(cells.scalar(f.get("est_time"))) or ""
    if "budget" not in f and _BUDGET_ONLY.fullmatch(est):
        f["budget"] = est  # scrapers put a fixed price's budget where the estimate goes
        f.pop("est_time")
    kind = str(cells.scalar(f.get("budget_type")) or "").lower()
    rate = _text(cells.scalar(f.get("rate"))) or ""
    if "$" in kind and not rate:
        rate = kind  # job_type "Hourly: $15.00-$30.00"
    if "hour" in kind or rate.lower().startswith("hourly"):
        facts.budget_type = BudgetType.HOURLY
    elif "fix" in kind or rate.lower().startswith("fixed"):
        facts.budget_type = BudgetType.FIXED
    amounts = _amounts(rate) if rate else []
    if "hourly_min" in f:
        facts.hourly_min = _amount(cells.scalar(f["hourly_min"]), "hourly minimum")
    if "hourly_max" in f:
        facts.hourly_max = _amount(cells.scalar(f["hourly_max"]), "hourly maximum")
    budget = f.get("budget")
    if isinstance(budget, list):
        listed = _amounts(budget)
        if len(listed) > 1 and facts.budget_type is not BudgetType.FIXED:
            amounts = amounts or listed  # "['$15.00', '$30.00']": a rate range
        elif listed:
            facts.fixed_budget = listed[0]
    elif budget is not None:
        facts.fixed_budget = _amount(budget, "budget")
    low = _amount(cells.scalar(f["budget_min"]), "budget (low)") if "budget_min" in f else None
    high = _amount(cells.scalar(f["budget_max"]), "budget (high)") if "budget_max" in f else None
    if low is not None or high is not None:
        if facts.budget_type is BudgetType.FIXED or (
            facts.budget_type is None
            and facts.fixed_budget is None
            and (low is None) != (high is None)
        ):
            facts.budget_type = facts.budget_type or BudgetType.FIXED
            facts.fixed_budget = facts.fixed_budget or high or low
        elif facts.hourly_min is None and facts.hourly_max is None:
            facts.hourly_min, facts.hourly_max = low if low is not None else high, high or low
            facts.budget_type = facts.budget_type or BudgetType.HOURLY
    if facts.budget_type is BudgetType.HOURLY and amounts and facts.hourly_min is None:
        facts.hourly_min, facts.hourly_max = amounts[0], amounts[-1]
    elif facts.budget_type is BudgetType.FIXED and amounts and facts.fixed_budget is None:
        facts.fixed_budget = amounts[0]
    elif facts.budget_type is None and len(amounts) > 1 and facts.hourly_min is None:
        facts.hourly_min, facts.hourly_max = amounts[0], amounts[-1]
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
    if text.endswith(".0"):
        text = text[:-2]
    if text in numeric:
        return numeric[text]
    raise InputError(f"experience level {value!r} is not entry, intermediate or expert")


def _estimate(f: dict[str, Any], facts: PostingFacts) -> None:
    est = _text(cells.scalar(f.get("est_time"))) or ""
    duration = _DURATION.search(est)
    hours = _HOURS.search(est)
    facts.duration = cells.duration_text(cells.clean_text(cells.scalar(f.get("duration")))) or (
        duration.group(0) if duration else None
    )
    facts.hours_per_week = cells.hours_text(
        cells.clean_text(cells.scalar(f.get("hours_per_week")))
    ) or (hours.group(0) if hours else None)
    if est and facts.duration is None and facts.hours_per_week is None:
        facts.duration = cells.duration_text(est)


def _proposals(value: Any) -> tuple[int | None, int | None]:
    if isinstance(value, int | float) and not isinstance(value, bool):
        count = _in_range(int(value), value, "proposals")
        return count, count
    low, high = proposal_bucket(cells.proposal_band(str(value)))
    if low is None:
        raise InputError(f"proposals {value!r} is not a number or a bucket like '5 to 10'")
    return _in_range(low, value, "proposals"), high and _in_range(high, value, "proposals")


def _bool(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "1.0", "true", "yes", "y", "verified", "payment verified"):
        return True
    if text in ("0", "0.0", "false", "no", "n", "unverified", "not verified", "not_verified"):
        return False
    if text in ("payment unverified", "payment not verified"):
        return False
    raise InputError(f"payment verified {value!r} is not yes/no")


__all__ = ["INDEX", "EmptyRecord", "RecordReader", "record_to_facts"]
