"""The paste parser: text copied from an Upwork job page or search results → PostingFacts.

Pure functions, no I/O. A field the text does not show is ``None`` and named
in ``PostingFacts.missing``: the parser never guesses silently. Ratings under
"Client's recent history" belong to other freelancers and are never read.
"""

from __future__ import annotations

import re
from datetime import datetime

from app import clock
from app.domain import BudgetType, ClientFacts, ExperienceLevel, PostingFacts
from app.parsing.countries import country_name, find_country
from app.parsing.freelancer import looks_like_freelancer, parse_freelancer
from app.parsing.money import MONEY, parse_int, parse_money
from app.parsing.rest import rest_of
from app.parsing.text import check_pasted_text, normalise
from app.parsing.times import RELATIVE, parse_date, parse_relative

LEVELS = {
    "entry level": ExperienceLevel.ENTRY,
    "entry": ExperienceLevel.ENTRY,
    "intermediate": ExperienceLevel.INTERMEDIATE,
    "expert": ExperienceLevel.EXPERT,
}
DURATION = (
    r"(?:Less than (?:a|1) (?:month|week)|\d+ to \d+ months|More than \d+ months"
    r"|Less than \d+ months)"
)
HOURS = (
    r"(?:(?:Less than|More than) \d+ hrs/week|\d+\+? hrs/week|Hours to be determined"
    r"|As needed - open to offers)"
)
#: proposal buckets as Upwork shows them → (min, max); max None is open-ended
BUCKETS = {
    "less than 5": (0, 4),
    "fewer than 5": (0, 4),
    "5 to 10": (5, 10),
    "10 to 15": (10, 15),
    "15 to 20": (15, 20),
    "20 to 50": (20, 50),
    "50+": (50, None),
}

_RE_FLAGS = re.IGNORECASE
_TILE_HEAD = re.compile(
    r"^(?P<kind>Hourly|Fixed[- ]price)(?:\s*:\s*(?P<rate>"
    + MONEY
    + r"(?:\s*-\s*"
    + MONEY
    + r")?))?"
    r"(?P<rest>\s+-\s+.*|\s*$)",
    _RE_FLAGS,
)
_TILE_STRONG = re.compile(
    r"^(?:Hourly|Fixed[- ]price)\b.*?(?:\s-\s(?:Entry level|Intermediate|Expert)\b|Est\.\s*(?:Time|Budget))",
    _RE_FLAGS,
)
_HEAD_CONTINUATION = re.compile(
    r"^(?:-\s*)?(?:Entry level|Intermediate|Expert|Est\.\s*(?:Time|Budget)\s*:)", _RE_FLAGS
)
_LEVEL_IN_HEAD = re.compile(r"(?:^|-)\s*(Entry level|Intermediate|Expert)\b", _RE_FLAGS)
_EST_TIME = re.compile(r"Est\.\s*Time\s*:\s*(.*)$", _RE_FLAGS)
_EST_BUDGET = re.compile(r"Est\.\s*Budget\s*:\s*(" + MONEY + r")\s*(.*)$", _RE_FLAGS)
_DURATION = re.compile(DURATION, _RE_FLAGS)
_HOURS = re.compile(HOURS, _RE_FLAGS)
_POSTED = re.compile(r"\b(?:Posted|Renewed)\s+(" + RELATIVE + r")", _RE_FLAGS)
_POSTED_LINE = re.compile(r"^(?:Posted|Renewed)\b", _RE_FLAGS)
_MONEY_LINE = re.compile(r"^" + MONEY + r"$")
_MONEY_RANGE_LINE = re.compile(r"^(" + MONEY + r")\s*[-–]\s*(" + MONEY + r")$")
_HISTORY = re.compile(
    r"^(?:Client['’]s recent history|Other open jobs by this client|Other jobs by this client"
    r"|Similar jobs|Explore similar jobs|Jobs you may like)",
    _RE_FLAGS,
)
_ABOUT_CLIENT = re.compile(r"^About the client\b", _RE_FLAGS)
_SKILLS_HEAD = re.compile(r"^(?:Skills and Expertise|Skills)$", _RE_FLAGS)
_SECTION_HEAD = re.compile(
    r"^(?:Activity on this job|About the client|Preferred qualifications|Mandatory skills"
    r"|Nice-to-have skills|Project Type\b|You will be asked to answer|Questions?\b"
    r"|Send a proposal for|Required Connects|Available Connects|Apply now|Save job"
    r"|Flag as inappropriate|Connects to apply)",
    _RE_FLAGS,
)
_PAGE_NOISE = re.compile(
    r"^(?:Job details|Save job|Flag as inappropriate|Apply now|Submit a proposal|Back"
    r"|View job posting|Summary|Featured|Share|Copy link|More|See more|Show more|less)$",
    _RE_FLAGS,
)
_LOCATION_LINE = re.compile(
    r"^(?:Worldwide|Anywhere|Remote|.*\bonly\b.*|Only freelancers located .*|.*may apply\.?)$",
    _RE_FLAGS,
)
_FACT_LINE = re.compile(
    r"^(?:" + MONEY + r"|-|Fixed[- ]price|Hourly|Entry level|Intermediate|Expert"
    r"|" + HOURS + r"|" + DURATION + r"|Project length|Duration|Experience level"
    r"|Project Type:.*|Contract-to-hire.*|Complex project|Ongoing project|One-time project"
    r"|I am willing to pay.*|I am looking for.*|Remote Job|Skills and Expertise|Skills"
    r"|Activity on this job|About the client)$",
    _RE_FLAGS,
)
_CLIENT_MARKER = re.compile(
    r"^(?:Payment (?:method )?(?:is )?(?:verified|unverified|not verified)|Rating is\b"
    r"|Proposals\s*:|Connects to apply|\$[\d.,]+[KkMm]?\+?\s*spent\b)",
    _RE_FLAGS,
)
_PAYMENT = re.compile(r"Payment (?:method )?(?:is )?(not verified|unverified|verified)", _RE_FLAGS)
_RATING = re.compile(r"Rating is\s*(\d+(?:\.\d+)?)\s*out of 5\.?", _RE_FLAGS)
_RATING_OF_REVIEWS = re.compile(r"(\d(?:\.\d+)?)\s+of\s+([\d,]+)\s+reviews?", _RE_FLAGS)
_REVIEWS = re.compile(r"\b([\d,]+)\s+reviews?\b", _RE_FLAGS)
_LOCAL_TIME = re.compile(r"^(.*?)\s*(\d{1,2}:\d{2}\s*[AaPp]\.?[Mm]\.?)$")
_JOBS_POSTED = re.compile(r"([\d,]+)\s+jobs?\s+posted", _RE_FLAGS)
_HIRE_RATE = re.compile(r"(\d+(?:\.\d+)?)\s*%\s*hire rate", _RE_FLAGS)
_OPEN_JOBS = re.compile(r"([\d,]+)\s+open jobs?", _RE_FLAGS)
_TOTAL_SPENT = re.compile(r"(" + MONEY + r")\s*(?:total\s+)?spent", _RE_FLAGS)
_HIRES = re.compile(r"([\d,]+)\s+hires?\b(?:\s*,\s*([\d,]+)\s+active)?", _RE_FLAGS)
_AVG_RATE = re.compile(r"(" + MONEY + r")\s*/\s*hr\s+avg hourly rate", _RE_FLAGS)
#: the company size line of "About the client" ("Small company (2-9 people)", "Individual client")
_SIZE_TEXT = r"(?:Small|Mid-sized|Large)\s+company(?:\s*\([\d,+\-– ]+people\))?|Individual client"
_COMPANY_SIZE = re.compile(rf"^\s*({_SIZE_TEXT})\s*$", re.IGNORECASE | re.MULTILINE)
#: an industry glued to the size line by the copy ("Tech & ITSmall company (2-9 people)")
_GLUED_SIZE = re.compile(rf"^(.*?\S)\s*({_SIZE_TEXT})\s*$", re.IGNORECASE)
_INDUSTRY_LABEL = re.compile(r"^Industry\s*:\s*(.+)$", _RE_FLAGS)
#: the industries a client's company profile offers; "About the client" shows the one chosen
#: on the line above the company size
UPWORK_INDUSTRIES = (
    "Aerospace", "Agriculture & Forestry", "Art & Design", "Automotive", "Aviation",
    "Education", "Energy & Utilities", "Engineering & Architecture", "Fashion & Beauty",
    "Finance & Accounting", "Food & Beverage", "Government & Public Sector",
    "Health & Fitness", "HR & Business Services", "Legal", "Manufacturing & Construction",
    "Media & Entertainment", "Military & Defense", "Mining", "Real Estate",
    "Retail & Consumer Goods", "Sales & Marketing", "Science & Medicine",
    "Sports & Recreation", "Supply Chain & Logistics", "Tech & IT",
    "Transportation & Warehousing", "Travel & Hospitality",
)  # fmt: skip
_INDUSTRY_NAMES = {" ".join(name.lower().split()): name for name in UPWORK_INDUSTRIES}
#: a line above the size that is another fact of the block, not an industry
_NOT_INDUSTRY = re.compile(
    r"[\d$%:|]|^(?:No reviews yet|Member since|About the client|Payment|Rating|Phone number"
    r"|Verified|Unverified|Individual client)\b",
    _RE_FLAGS,
)
_MEMBER_SINCE = re.compile(r"Member since\s*([A-Za-z]{3,9}\.?\s+(?:\d{1,2},?\s+)?\d{4})", _RE_FLAGS)
_PROPOSALS = re.compile(
    r"Proposals\s*:\s*(Less than 5|Fewer than 5|\d+ to \d+|\d+\+|\d+)", _RE_FLAGS
)
_INTERVIEWING = re.compile(r"Interviewing\s*:\s*(\d+)", _RE_FLAGS)
_INVITES = re.compile(r"Invites sent\s*:\s*(\d+)", _RE_FLAGS)
_UNANSWERED = re.compile(r"Unanswered invites\s*:\s*(\d+)", _RE_FLAGS)
_LAST_VIEWED = re.compile(r"Last viewed by client\s*:\s*(.+?)(?:$|\n)", _RE_FLAGS)
_CONNECTS = re.compile(
    r"(?:Send a proposal for|Connects to apply|Required Connects to submit a proposal"
    r"|Required Connects)\s*:\s*(\d+)",
    _RE_FLAGS,
)
_URL = re.compile(r"https?://(?:www\.)?upwork\.com/\S+", _RE_FLAGS)
_CATEGORY = re.compile(r"^Category\s*:\s*(.+)$", _RE_FLAGS | re.MULTILINE)
_GLUE = re.compile(
    r"(?<=[a-z0-9)\]])(?=[A-Z][a-z])|(?<=[A-Z]{2})(?=[A-Z][a-z]{2})"
    r"|(?<=[a-z])(?=[A-Z]{2,}(?:\s|$|[A-Z][a-z]))"
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: CamelCase skill names that look glued but are one word
JOINED_SKILLS = _words(
    """JavaScript TypeScript CoffeeScript WordPress WooCommerce BigCommerce QuickBooks FreshBooks
    LinkedIn YouTube HubSpot GitHub GitLab GitBook PayPal OAuth eCommerce PowerPoint PowerShell
    SharePoint PowerApps PowerBI DevOps RevOps ClickUp ClickFunnels GoHighLevel HighLevel MailChimp
    ActiveCampaign DigitalOcean DocuSign FileMaker FlutterFlow GoDaddy InDesign LaTeX PhpStorm
    PyTorch QuickBase SalesForce SendGrid SketchUp SolidWorks SquareSpace TikTok TensorFlow WebFlow
    WhatsApp ZoomInfo AdWords AppSheet AutoHotkey BigQuery CloudFlare CapCut DaVinci JetBrains KiCad
    LangChain LlamaIndex NetSuite ProTools RingCentral SpringBoot StoryBrand SurveyMonkey TradingView
    UiPath VirtualBox WebSocket ZenDesk MetaTrader NinjaTrader PineScript ThinkOrSwim TypeForm
    ConvertKit KeyShot SketchFab ZoHo BuddyPress LearnDash AirTable SmartSuite ManyChat
    FaceBook InstaGram CorelDraw AutoDesk RoboForm ShipStation OpenSea MetaMask PancakeSwap
    PostgreSQL MySQL GraphQL NoSQL MongoDB DynamoDB MariaDB CosmosDB InfluxDB CockroachDB FaunaDB
    iOS macOS iPhone iPad eBay jQuery tvOS watchOS ChatGPT OpenAI OpenCV OpenGL WebGL SaaS PaaS
    FastAPI PyQt SwiftUI NestJS NodeJS NextJS ReactJS VueJS NuxtJS ExpressJS AngularJS ThreeJS
    DataBricks HubSpotCRM ZohoCRM GoogleAds MidJourney StableDiffusion ElevenLabs HeyGen iMovie
    LibreOffice OpenOffice VBScript ActionScript AppleScript PySpark PyTest PyPI SciPy NumPy
    ArcGIS QGIS BizTalk TestRail TeamCity CircleCI AdMob AdSense ReadMe"""
)
_JOINED_PREFIXES = frozenset(
    word[:i] for word in JOINED_SKILLS for i in range(2, len(word)) if word[i - 1].islower()
)
_STOPWORDS = _words(
    "a an and are as at be by for from have i in is it of on or our the to we with you your"
)

#: contract fields checked for ``missing``, in contract order
_POSTING_FIELDS = [key for key in PostingFacts.CONTRACT_KEYS if key not in ("client", "missing")]
_CLIENT_FIELDS = list(ClientFacts.__dataclass_fields__)


def parse_postings(text: str, now: datetime | None = None) -> list[PostingFacts]:
    """Every posting in pasted text: one for a job page, one per search-result tile."""
    check_pasted_text(text)
    moment = _aware(now)
    clean = normalise(text)
    lines = [line.strip() for line in clean.split("\n")]
    if "upwork" not in clean.lower() and looks_like_freelancer(clean):
        postings = [mark_missing(parse_freelancer(lines, moment))]
    elif tiles := _split_tiles(lines):
        postings = [_parse_tile(chunk, head, moment) for chunk, head in tiles]
    else:
        postings = [_parse_job_page(lines, moment)]
    for facts in postings:
        facts.unplaced = rest_of(facts)
    return postings


def parse_posting(text: str, now: datetime | None = None) -> PostingFacts:
    """The first (usually only) posting in pasted text."""
    return parse_postings(text, now)[0]


def _aware(now: datetime | None) -> datetime:
    return clock.now() if now is None else clock.as_utc(now)


# -- search-result tiles ---------------------------------------------------------------------


def _is_tile_head(lines: list[str], i: int) -> bool:
    line = lines[i]
    if _TILE_STRONG.match(line):
        return True
    match = _TILE_HEAD.match(line)
    if match is None:
        return False
    if match.group("rate") or match.group("rest").strip():
        # "Hourly: $15-$35" or "Fixed-price - ...": a tile unless it is a job page's label
        return bool(match.group("rate")) or bool(match.group("rest").strip(" -"))
    before = _previous_nonblank(lines, i)
    if before is not None and _is_fact_line(lines[before]):
        return False  # a job page's "$200.00 / Fixed-price / Expert"
    following = [ln for ln in lines[i + 1 : i + 4] if ln]
    return bool(following) and bool(_HEAD_CONTINUATION.match(following[0]))


def _split_tiles(lines: list[str]) -> list[tuple[list[str], int]]:
    """(lines, index of the head line) per tile; empty when the text is not search results."""
    heads = [i for i in range(len(lines)) if lines[i] and _is_tile_head(lines, i)]
    starts: list[int] = []
    previous_head = -1
    for head in heads:
        start = head
        title = _previous_nonblank(lines, head)
        if title is not None and title > previous_head:
            start = title
            if not _POSTED_LINE.match(lines[title]):
                posted = _previous_nonblank(lines, title)
                if (
                    posted is not None
                    and posted > previous_head
                    and _POSTED_LINE.match(lines[posted])
                ):
                    start = posted
        starts.append(start)
        previous_head = head
    tiles = []
    for n, (start, head) in enumerate(zip(starts, heads, strict=True)):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        tiles.append((lines[start:end], head - start))
    return tiles


def _previous_nonblank(lines: list[str], i: int) -> int | None:
    j = i - 1
    while j >= 0 and not lines[j]:
        j -= 1
    return j if j >= 0 else None


def _parse_tile(chunk: list[str], head_at: int, now: datetime) -> PostingFacts:
    facts = PostingFacts(raw_text="\n".join(chunk).strip())
    before = [ln for ln in chunk[:head_at] if ln]
    for line in before:
        posted = _POSTED.search(line)
        if posted:
            facts.posted_at = parse_relative(posted.group(1), now)
        elif not _PAGE_NOISE.match(line):
            facts.title = line
    head = chunk[head_at]
    body = [ln for ln in chunk[head_at + 1 :] if ln]
    while body and _HEAD_CONTINUATION.match(body[0]):
        head = f"{head} - {body.pop(0).lstrip('- ')}"
    description_start = _parse_tile_head(head, facts)

    client_at = next((i for i, ln in enumerate(body) if _CLIENT_MARKER.match(ln)), len(body))
    text_lines = [ln for ln in body[:client_at] if not _PAGE_NOISE.match(ln)]
    skill_lines: list[str] = []
    while text_lines and _is_skill_line(text_lines[-1], one_per_line=len(skill_lines) > 0):
        skill_lines.insert(0, text_lines.pop())
    if len(skill_lines) == 1 and not text_lines and not description_start:
        # a lone line after the head is the description, not a skill list
        text_lines, skill_lines = skill_lines, []
    description = "\n".join(([description_start] if description_start else []) + text_lines)
    facts.description = description.strip() or None
    facts.skills = _dedupe(s for line in skill_lines for s in split_skills(line))

    client_text = "\n".join(body[client_at:])
    _parse_activity(client_text, facts, now)
    facts.client = _parse_client_text(client_text, tile=True)
    _parse_url_category("\n".join(chunk), facts)
    return _finish(facts, client_text)


def _parse_tile_head(head: str, facts: PostingFacts) -> str:
    """Budget, level and estimate from the tile's first line; returns the text after them."""
    match = _TILE_HEAD.match(head)
    kind = head.split(":", 1)[0].split(" - ", 1)[0].strip().lower()
    facts.budget_type = BudgetType.HOURLY if kind.startswith("hourly") else BudgetType.FIXED
    if match and match.group("rate"):
        amounts = [parse_money(m) for m in re.findall(MONEY, match.group("rate"))]
        if facts.budget_type is BudgetType.HOURLY:
            facts.hourly_min = amounts[0]
            facts.hourly_max = amounts[-1]
        else:
            facts.fixed_budget = amounts[0]
    level = _LEVEL_IN_HEAD.search(head)
    if level:
        facts.experience_level = LEVELS[level.group(1).lower()]
    rest = ""
    budget = _EST_BUDGET.search(head)
    if budget:
        facts.fixed_budget = parse_money(budget.group(1))
        rest = budget.group(2)
    estimate = _EST_TIME.search(head)
    if estimate:
        rest = estimate.group(1)
        duration = _DURATION.match(rest)
        if duration:
            facts.duration = duration.group(0)
            rest = rest[duration.end() :].lstrip(" ,")
        hours = _HOURS.match(rest)
        if hours:
            facts.hours_per_week = hours.group(0)
            rest = rest[hours.end() :]
    return rest.strip(" -")


def _is_skill_line(line: str, *, one_per_line: bool) -> bool:
    if len(line) > 300 or re.search(r"[.!?;:,]\s|[.!?;:]$|\$|\d{3,}", line):
        return False
    words = re.findall(r"[^\s/&+-]+", line)
    if not words or (one_per_line and len(words) > 5):
        return False
    lower = [w for w in words if w[0].islower() and w not in ("iOS", "jQuery", "npm", "eCommerce")]
    if any(w.lower() in _STOPWORDS for w in lower):
        return False
    return len(lower) <= len(words) // 4


def split_skills(line: str) -> list[str]:
    """``Data ScrapingAutomation`` → ``["Data Scraping", "Automation"]`` (JavaScript stays)."""
    pieces = [p.strip() for p in _GLUE.split(line) if p.strip()]
    merged: list[str] = []
    for piece in pieces:
        if merged:
            tail = merged[-1].split(" ")[-1]
            head = piece.split(" ")[0]
            if tail + head in JOINED_SKILLS or tail + head in _JOINED_PREFIXES:
                merged[-1] = merged[-1] + piece
                continue
        merged.append(piece)
    out: list[str] = []
    for piece in merged:
        out.extend(s.strip() for s in re.split(r"\s*[,·•|]\s*", piece) if s.strip())
    return out


def _dedupe(items: object) -> list[str]:
    seen: dict[str, str] = {}
    for item in items:  # type: ignore[attr-defined]
        seen.setdefault(item.lower(), item)
    return list(seen.values())


# -- job page --------------------------------------------------------------------------------


def _parse_job_page(all_lines: list[str], now: datetime) -> PostingFacts:
    facts = PostingFacts(raw_text="\n".join(all_lines).strip())
    cut = next((i for i, ln in enumerate(all_lines) if _HISTORY.match(ln)), len(all_lines))
    lines = [ln for ln in all_lines[:cut] if ln]
    about = next((i for i, ln in enumerate(lines) if _ABOUT_CLIENT.match(ln)), None)
    job_lines = lines if about is None else lines[:about]
    client_lines = [] if about is None else lines[about + 1 :]

    i = 0
    while i < len(job_lines) and (_PAGE_NOISE.match(job_lines[i]) or _URL.fullmatch(job_lines[i])):
        i += 1
    if (
        i < len(job_lines)
        and not _POSTED_LINE.match(job_lines[i])
        and not _FACT_LINE.match(job_lines[i])
    ):
        facts.title = job_lines[i]
        i += 1
    desc: list[str] = []
    while i < len(job_lines) and (
        _POSTED_LINE.match(job_lines[i])
        or _PAGE_NOISE.match(job_lines[i])
        or _LOCATION_LINE.match(job_lines[i])
        or _URL.fullmatch(job_lines[i])
        or _CATEGORY.match(job_lines[i])
    ):
        i += 1
    desc_start = i
    while i < len(job_lines) and not _is_fact_line(job_lines[i]):
        desc.append(job_lines[i])
        i += 1
    facts.description = "\n".join(desc).strip() or None
    facts_lines = job_lines[:desc_start] + job_lines[i:]
    facts_text = "\n".join(facts_lines)

    posted = _POSTED.search(facts_text)
    if posted:
        facts.posted_at = parse_relative(posted.group(1), now)
    _parse_page_budget(facts_lines, facts)
    for line in facts_lines:
        level = LEVELS.get(line.lower())
        if level is not None and facts.experience_level is None:
            facts.experience_level = level
        if facts.hours_per_week is None and _HOURS.fullmatch(line):
            facts.hours_per_week = line
        if facts.duration is None and _DURATION.fullmatch(line):
            facts.duration = line
    facts.skills = _page_skills(job_lines)
    facts.screening_questions = _screening_questions(job_lines)
    _parse_activity(facts_text, facts, now)
    client_text = "\n".join(client_lines)
    if about is None:
        client_text = "\n".join(ln for ln in facts_lines if _CLIENT_MARKER.match(ln))
    facts.client = _parse_client_text(client_text, tile=False, lines=client_lines)
    _parse_url_category("\n".join(all_lines[:cut]), facts)
    return _finish(facts, client_text)


def _is_fact_line(line: str) -> bool:
    return bool(
        _FACT_LINE.match(line)
        or _MONEY_RANGE_LINE.match(line)
        or _SECTION_HEAD.match(line)
        or _SKILLS_HEAD.match(line)
        or _MONEY_LINE.match(line)
    )


def _parse_page_budget(lines: list[str], facts: PostingFacts) -> None:
    for n, line in enumerate(lines):
        lowered = line.lower()
        prev = [lines[k] for k in range(max(0, n - 3), n)]
        if lowered in ("fixed-price", "fixed price"):
            facts.budget_type = BudgetType.FIXED
            if prev and _MONEY_LINE.match(prev[-1]):
                facts.fixed_budget = parse_money(prev[-1])
        elif lowered == "hourly":
            facts.budget_type = BudgetType.HOURLY
            if len(prev) == 3 and _MONEY_LINE.match(prev[0]) and prev[1] in ("-", "–", "to"):
                if _MONEY_LINE.match(prev[2]):
                    facts.hourly_min = parse_money(prev[0])
                    facts.hourly_max = parse_money(prev[2])
            elif prev and _MONEY_RANGE_LINE.match(prev[-1]) and facts.hourly_min is None:
                low, high = _MONEY_RANGE_LINE.match(prev[-1]).groups()  # type: ignore[union-attr]
                facts.hourly_min, facts.hourly_max = parse_money(low), parse_money(high)
            elif prev and _MONEY_LINE.match(prev[-1]) and facts.hourly_min is None:
                facts.hourly_min = facts.hourly_max = parse_money(prev[-1])
        else:
            same_line = re.match(
                r"^(" + MONEY + r")\s*[-–]\s*(" + MONEY + r")\s*(?:/\s*hr|Hourly)", line, _RE_FLAGS
            )
            if same_line:
                facts.budget_type = BudgetType.HOURLY
                facts.hourly_min = parse_money(same_line.group(1))
                facts.hourly_max = parse_money(same_line.group(2))


def _page_skills(lines: list[str]) -> list[str]:
    start = next((i for i, ln in enumerate(lines) if _SKILLS_HEAD.match(ln)), None)
    if start is None:
        return []
    skills: list[str] = []
    for line in lines[start + 1 :]:
        if re.match(r"^(?:Mandatory skills|Nice-to-have skills|Skills)$", line, _RE_FLAGS):
            continue
        if re.match(r"^\+\s*\d+\s*(?:more)?$", line, _RE_FLAGS) or _PAGE_NOISE.match(line):
            continue
        if (
            _SECTION_HEAD.match(line)
            or _HISTORY.match(line)
            or not _is_skill_line(line, one_per_line=False)
        ):
            break
        skills.extend(split_skills(line))
    return _dedupe(skills)


_QUESTIONS_HEAD = re.compile(r"^You will be asked to answer the following questions", _RE_FLAGS)
_NUMBERED = re.compile(r"^\s*(?:\d+[.)]|[-•*])\s*")


def _screening_questions(lines: list[str]) -> list[str]:
    start = next((i for i, ln in enumerate(lines) if _QUESTIONS_HEAD.match(ln)), None)
    if start is None:
        return []
    questions = []
    for line in lines[start + 1 :]:
        if _SECTION_HEAD.match(line) or _SKILLS_HEAD.match(line) or _HISTORY.match(line):
            break
        if _is_fact_line(line):
            break
        questions.append(_NUMBERED.sub("", line).strip())
    return [q for q in questions if q]


# -- shared pieces ---------------------------------------------------------------------------


def _parse_activity(text: str, facts: PostingFacts, now: datetime) -> None:
    proposals = _PROPOSALS.search(text)
    if proposals:
        facts.proposals_min, facts.proposals_max = proposal_bucket(proposals.group(1))
    for pattern, attr in (
        (_INTERVIEWING, "interviewing"),
        (_INVITES, "invites_sent"),
        (_UNANSWERED, "unanswered_invites"),
        (_CONNECTS, "connects_required"),
    ):
        match = pattern.search(text)
        if match:
            setattr(facts, attr, int(match.group(1)))
    viewed = _LAST_VIEWED.search(text)
    if viewed:
        facts.last_viewed_at = parse_relative(viewed.group(1), now)
    if facts.posted_at is None:
        posted = _POSTED.search(text)
        if posted:
            facts.posted_at = parse_relative(posted.group(1), now)


def proposal_bucket(text: str) -> tuple[int | None, int | None]:
    """``Less than 5`` → (0, 4); ``20 to 50`` → (20, 50); ``50+`` → (50, None)."""
    key = " ".join(text.lower().split())
    if key in BUCKETS:
        return BUCKETS[key]
    match = re.fullmatch(r"(\d+) to (\d+)", key)
    if match:
        return int(match.group(1)), int(match.group(2))
    match = re.fullmatch(r"(\d+)\+", key)
    if match:
        return int(match.group(1)), None
    match = re.fullmatch(r"(?:less|fewer) than (\d+)", key)
    if match:
        return 0, int(match.group(1)) - 1
    if key.isdigit():
        return int(key), int(key)
    return None, None


def _parse_client_text(text: str, *, tile: bool, lines: list[str] | None = None) -> ClientFacts:
    client = ClientFacts()
    payment = _PAYMENT.search(text)
    if payment:
        client.payment_verified = payment.group(1).lower() == "verified"
    rating = _RATING.search(text)
    of_reviews = _RATING_OF_REVIEWS.search(text)
    if rating:
        value = float(rating.group(1))
        client.rating = value if 0 < value <= 5 else None
    elif of_reviews:
        value = float(of_reviews.group(1))
        client.rating = value if 0 < value <= 5 else None
    if of_reviews:
        client.reviews = parse_int(of_reviews.group(2))
    else:
        reviews = _REVIEWS.search(text)
        if reviews:
            client.reviews = parse_int(reviews.group(1))
        elif re.search(r"No reviews yet", text, _RE_FLAGS):
            client.reviews = 0
    for pattern, attr in (
        (_JOBS_POSTED, "jobs_posted"),
        (_OPEN_JOBS, "open_jobs"),
    ):
        match = pattern.search(text)
        if match:
            setattr(client, attr, parse_int(match.group(1)))
    hire_rate = _HIRE_RATE.search(text)
    if hire_rate:
        client.hire_rate = float(hire_rate.group(1))
    spent = _TOTAL_SPENT.search(text)
    if spent:
        client.total_spent = parse_money(spent.group(1))
    hires = _HIRES.search(text)
    if hires:
        client.hires = parse_int(hires.group(1))
        if hires.group(2):
            client.active_hires = parse_int(hires.group(2))
    avg = _AVG_RATE.search(text)
    if avg:
        client.avg_hourly_rate = parse_money(avg.group(1))
    member = _MEMBER_SINCE.search(text)
    if member:
        client.member_since = parse_date(member.group(1))
    size = _COMPANY_SIZE.search(text)
    if size:
        client.company_size = " ".join(size.group(1).split())
    client.country, client.city = _location(text, lines or [])
    industry, glued_size = _industry(lines or [], client.country)
    client.industry = industry
    if client.company_size is None and glued_size is not None:
        client.company_size = glued_size
    return client


def _industry(lines: list[str], country: str | None) -> tuple[str | None, str | None]:
    """The client's industry from "About the client" (and the size, when the copy glued the
    two together): the line above the company size (Upwork's company profile shows
    "Tech & IT" over "Small company (2-9 people)"), an ``Industry:`` line, or a line that
    is one of Upwork's industries before "Member since". None when the block shows none."""
    known: str | None = None
    for n, raw in enumerate(lines):
        line = " ".join(raw.split())
        if re.match(r"Member since\b", line, _RE_FLAGS):
            break
        label = _INDUSTRY_LABEL.match(line)
        if label:
            return _industry_name(label.group(1), country, loose=True), None
        if _COMPANY_SIZE.match(line):
            above = " ".join(lines[n - 1].split()) if n else ""
            return _industry_name(above, country, loose=True), None
        glued = _GLUED_SIZE.match(line)
        if glued:
            industry = _industry_name(glued.group(1), country, loose=False)
            if industry is not None:
                return industry, " ".join(glued.group(2).split())
        if known is None:
            known = _industry_name(line, country, loose=False)
    return known, None


def _industry_name(text: str, country: str | None, *, loose: bool) -> str | None:
    """``text`` as an industry: one of Upwork's (in its spelling), or with ``loose`` any
    short line that is no other fact of the block (Upwork may add industries)."""
    text = " ".join(text.split())
    name = _INDUSTRY_NAMES.get(text.lower())
    if name is not None:
        return name
    if not loose or not text or len(text) > 60 or not text[0].isalpha():
        return None
    if _NOT_INDUSTRY.search(text) or _CLIENT_MARKER.match(text) or _LOCAL_TIME.match(text):
        return None
    if text == country or country_name(text) is not None:
        return None
    return text


def _location(text: str, lines: list[str]) -> tuple[str | None, str | None]:
    for n, line in enumerate(lines):
        match = _LOCAL_TIME.match(line)
        if match is None:
            continue
        city = match.group(1).strip(" ,") or None
        country = None
        if n > 0:
            country = country_name(lines[n - 1]) or _plain_place(lines[n - 1])
        if country is None:
            found = find_country(_without_known_facts(text))
            country = found[0] if found else None
        return country, city
    found = find_country(_without_known_facts(text))
    return (found[0] if found else None), None


def _plain_place(line: str) -> str | None:
    """A line that reads like a place name the country table does not know."""
    if re.fullmatch(r"[A-Z][A-Za-z .'’-]{1,40}", line) and not _CLIENT_MARKER.match(line):
        return line
    return None


_KNOWN_FACT = re.compile(
    r"Payment (?:method )?(?:is )?(?:not verified|unverified|verified)|Rating is[^\n]*?out of 5\.?"
    r"|" + MONEY + r"\s*(?:total\s+)?spent|Proposals\s*:[^\n]*?(?=Connects|Featured|Posted|$)"
    r"|Connects to apply\s*:\s*\d+\s*Connects|Featured|(?:Posted|Renewed)\s+"
    + RELATIVE
    + r"|Member since[^\n]*|\d[^\n]*(?:reviews?|jobs? posted|hire rate|open jobs?|hires?|active)"
    r"[^\n]*|" + MONEY + r"[^\n]*",
    _RE_FLAGS | re.MULTILINE,
)


def _without_known_facts(text: str) -> str:
    return _KNOWN_FACT.sub("|", text)


def _parse_url_category(text: str, facts: PostingFacts) -> None:
    url = _URL.search(text)
    if url:
        facts.url = url.group(0).rstrip(").,")
    category = _CATEGORY.search(text)
    if category:
        facts.category = category.group(1).strip()


def _finish(facts: PostingFacts, client_text: str) -> PostingFacts:
    unrated = bool(re.search(r"Rating is\s*0(?:\.0+)?\s*out of 5", client_text, _RE_FLAGS))
    return mark_missing(facts, unrated=unrated)


def mark_missing(facts: PostingFacts, *, unrated: bool = False) -> PostingFacts:
    """Fill ``missing``: contract fields that are unknown (not those that cannot apply)."""
    skip: set[str] = set()
    if facts.budget_type is BudgetType.HOURLY:
        skip.add("fixed_budget")
    elif facts.budget_type is BudgetType.FIXED:
        skip.update(("hourly_min", "hourly_max", "hours_per_week"))
    if facts.proposals_min is not None:
        skip.add("proposals_max")
    missing = [
        f
        for f in _POSTING_FIELDS
        if f not in skip and (getattr(facts, f) is None or getattr(facts, f) == [])
    ]
    individual = (facts.client.company_size or "").lower() == "individual client"
    for name in _CLIENT_FIELDS:
        if getattr(facts.client, name) is None and not (name == "rating" and unrated):
            if name == "industry" and individual:
                continue  # a person, not a company: no industry to show
            missing.append(f"client.{name}")
    facts.missing = missing
    return facts
