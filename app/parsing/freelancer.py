"""Freelancer.com project pages, where it is cheap: budget, bids, skills, project id, client.

A project page copied from the browser reads like::

    Build a WordPress website
    $250.00 – 750.00 USD          (or "$15.00 – 25.00 USD per hour")
    Paid on delivery
    <description>
    Skills Required
    WordPress
    PHP
    Project ID: 37412345
    About the client
    London, United Kingdom
    Member since Jan 5, 2015
    25 freelancers are bidding on average $450 USD for this job
"""

from __future__ import annotations

import re
from datetime import datetime

from app.domain import BudgetType, ClientFacts, PostingFacts
from app.parsing.countries import country_name
from app.parsing.money import parse_money
from app.parsing.times import parse_date, parse_relative

_FLAGS = re.IGNORECASE
_SIGNS = re.compile(
    r"freelancers? (?:are|is) bidding|Project ID:\s*\d+|Paid on delivery|Bids?\s*:\s*\d+"
    r"|freelancer\.com",
    _FLAGS,
)
_BUDGET = re.compile(
    r"^(?:Budget\s*:?\s*)?([$€£]\s?[\d,.]+)\s*(?:[–-]\s*[$€£]?\s?([\d,.]+))?\s*"
    r"(USD|EUR|GBP|AUD|CAD|INR)?\s*(per hour|/\s*hr|/\s*hour)?$",
    _FLAGS,
)
_BIDS = re.compile(r"(\d+)\s+freelancers? (?:are|is) bidding|Bids?\s*:\s*(\d+)", _FLAGS)
_PROJECT_ID = re.compile(r"Project ID:\s*#?(\d+)", _FLAGS)
_SKILLS_HEAD = re.compile(r"^Skills Required$", _FLAGS)
_STOP = re.compile(
    r"^(?:Project ID|About the client|About the employer|Client Verification|Bids?\b"
    r"|Place a bid|Bid on this project|Report project|\d+ freelancers)",
    _FLAGS,
)
_POSTED = re.compile(r"(?:Posted|Opened)\s+(.+?ago|yesterday|today)", _FLAGS)
_URL = re.compile(r"https?://(?:www\.)?freelancer\.[a-z.]+/projects/\S+", _FLAGS)


def looks_like_freelancer(text: str) -> bool:
    """Whether pasted text is a Freelancer.com project (two or more of its marks)."""
    return len({m.group(0).lower()[:12] for m in _SIGNS.finditer(text)}) >= 2


def parse_freelancer(lines: list[str], now: datetime) -> PostingFacts:
    """One Freelancer.com project page as PostingFacts (``platform`` is ``freelancer``)."""
    text = "\n".join(lines)
    facts = PostingFacts(platform="freelancer", raw_text=text.strip(), client=ClientFacts())
    body = [ln for ln in lines if ln]
    if body:
        facts.title = body[0]
    desc: list[str] = []
    budget_at = None
    for n, line in enumerate(body[1:], 1):
        match = _BUDGET.match(line)
        if match and budget_at is None:
            budget_at = n
            low = parse_money(match.group(1))
            high = parse_money(match.group(2)) if match.group(2) else low
            if match.group(4):
                facts.budget_type = BudgetType.HOURLY
                facts.hourly_min, facts.hourly_max = low, high
            else:
                facts.budget_type = BudgetType.FIXED
                facts.fixed_budget = high
            continue
        if _SKILLS_HEAD.match(line) or _STOP.match(line):
            break
        if re.match(r"^(?:Paid on delivery|Project Details|Open|Closed|Posted .*)$", line, _FLAGS):
            continue
        desc.append(line)
    facts.description = "\n".join(desc).strip() or None
    facts.skills = _skills(body)
    bids = _BIDS.search(text)
    if bids:
        count = int(bids.group(1) or bids.group(2))
        facts.proposals_min = facts.proposals_max = count
    project = _PROJECT_ID.search(text)
    if project:
        facts.external_id = project.group(1)
    url = _URL.search(text)
    if url:
        facts.url = url.group(0)
    posted = _POSTED.search(text)
    if posted:
        facts.posted_at = parse_relative(posted.group(1), now)
    _client(body, text, facts.client)
    return facts


def _skills(body: list[str]) -> list[str]:
    start = next((i for i, ln in enumerate(body) if _SKILLS_HEAD.match(ln)), None)
    if start is None:
        return []
    skills = []
    for line in body[start + 1 :]:
        if _STOP.match(line) or len(line) > 60:
            break
        skills.append(line)
    return skills


def _client(body: list[str], text: str, client: ClientFacts) -> None:
    about = next(
        (i for i, ln in enumerate(body) if re.match(r"^About the (?:client|employer)", ln, _FLAGS)),
        None,
    )
    region = body[about + 1 :] if about is not None else []
    for line in region[:4]:
        if "," in line:
            city, _, country = line.rpartition(",")
            name = country_name(country.strip())
            if name:
                client.country, client.city = name, city.strip() or None
                break
        name = country_name(line)
        if name:
            client.country = name
            break
    member = re.search(r"Member since\s*(.+)", text, _FLAGS)
    if member:
        client.member_since = parse_date(member.group(1))
    verified = re.search(r"Payment (?:method )?(not verified|unverified|verified)", text, _FLAGS)
    if verified:
        client.payment_verified = verified.group(1).lower() == "verified"
    rating = re.search(r"(\d(?:\.\d)?)\s*(?:\(\s*(\d+)\s*reviews?\s*\))", text, _FLAGS)
    if rating:
        value = float(rating.group(1))
        client.rating = value if 0 < value <= 5 else None
        client.reviews = int(rating.group(2))
