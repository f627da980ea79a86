"""Numbers, money, dates and times as the user's locale writes them (QLocale), and
times in the user's time zone (they are stored in UTC).

The system locale is used; a system without one (the "C" locale of a bare container
or CI) is written as US English, the language the app's texts are in.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTimeZone

if TYPE_CHECKING:
    from app.display import Formats


def locale() -> QLocale:
    """The locale to write in: the system's (US English where it names none)."""
    system = QLocale()
    if system.language() == QLocale.Language.C:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return system


def number(value: int | float, decimals: int = 0) -> str:
    """``12,345`` / ``12.345`` / ``12 345``: grouped as the locale does."""
    if decimals == 0 and float(value).is_integer():
        return locale().toString(int(value))
    return locale().toString(float(value), "f", decimals)


def signed(value: int) -> str:
    """``+80`` / ``-12``: a change, its sign always written (the locale's signs)."""
    text = locale().toString(int(value))
    return f"{locale().positiveSign()}{text}" if value > 0 else text


def percent(fraction: float | None, decimals: int = 0) -> str:
    """``0.25`` → ``25%`` (``25 %`` where the locale spaces it); None → an en dash."""
    if fraction is None:
        return "–"
    shown = number(round(fraction * 100, decimals), decimals)
    return QCoreApplication.translate("localized", "{value}%").format(value=shown)


def money(amount: float, symbol: str = "$", decimals: int | None = None) -> str:
    """An amount in US dollars (what the platform bills in), written the locale's way:
    ``$1,250.50`` in the US, ``1.250,50 $`` in Germany (whole amounts without cents
    unless ``decimals`` says)."""
    if decimals is None:
        decimals = 0 if float(amount).is_integer() else 2
    return locale().toCurrencyString(float(amount), symbol, decimals)


def day(value: date | QDate) -> str:
    """A date in the locale's short form (``12/2/26``, ``02.12.26``)."""
    qdate = value if isinstance(value, QDate) else QDate(value.year, value.month, value.day)
    return locale().toString(qdate, QLocale.FormatType.ShortFormat)


def date_format() -> str:
    """A date edit's display format: the locale's short date with a four-digit year
    (``M/d/yyyy``, ``dd.MM.yyyy``)."""
    written = locale().dateFormat(QLocale.FormatType.ShortFormat)
    return written if "yyyy" in written else written.replace("yy", "yyyy")


def date_time_format() -> str:
    """A date-and-time edit's display format (``M/d/yyyy h:mm AP``, ``dd.MM.yyyy HH:mm``)."""
    return f"{date_format()} {locale().timeFormat(QLocale.FormatType.ShortFormat)}"


def local_time(moment: datetime) -> QDateTime:
    """A stored UTC moment (naive means UTC) in the user's time zone."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    utc = QDateTime.fromMSecsSinceEpoch(int(aware.timestamp() * 1000), QTimeZone.utc())
    return utc.toTimeZone(QTimeZone.systemTimeZone())


def moment(value: datetime) -> str:
    """A stored UTC moment as the user reads it: their time zone, their locale's short
    date and time (``12/2/26 9:30 AM``)."""
    return locale().toString(local_time(value), QLocale.FormatType.ShortFormat)


def compact_money(amount: float | None, *, cents: bool = False) -> str:
    """A large amount shortened for a narrow column, the locale's way: ``$12.5K`` /
    ``12,5K $``, ``$1.2M``; below 1,000 the whole amount (cents only with ``cents``)."""
    if amount is None:
        return ""
    value = float(amount)
    for size, suffix in ((1_000_000, "M"), (1000, "K")):
        if value >= size:
            scaled = value / size
            decimals = 0 if size == 1000 and value >= 10_000 else 1
            if decimals and round(scaled, 1).is_integer():
                decimals = 0
            shown = locale().toString(scaled, "f", decimals)
            written = locale().toCurrencyString(scaled, "$", decimals)
            return written.replace(shown, shown + suffix, 1)
    return money(value, decimals=2 if cents and not value.is_integer() else 0)


def budget(
    budget_type: str | None,
    fixed_budget: float | None,
    hourly_min: float | None,
    hourly_max: float | None,
) -> str:
    """``$200 fixed``, ``$15–$35/hr``, ``Hourly`` (no range) or empty, in the locale's
    numbers (``200 $ fixed`` in Germany)."""
    if budget_type == "fixed" or (budget_type is None and fixed_budget is not None):
        if fixed_budget is None:
            return QCoreApplication.translate("localized", "Fixed")
        return QCoreApplication.translate("localized", "{amount} fixed").format(
            amount=money(fixed_budget)
        )
    if hourly_min is not None or hourly_max is not None:
        low, high = hourly_min, hourly_max
        if low is None or high is None or low == high:
            rate = low if low is not None else high
            assert rate is not None
            return QCoreApplication.translate("localized", "{rate}/hr").format(rate=money(rate))
        return QCoreApplication.translate("localized", "{low}–{high}/hr").format(
            low=money(low), high=money(high)
        )
    return QCoreApplication.translate("localized", "Hourly") if budget_type == "hourly" else ""


def proposals(low: int | None, high: int | None) -> str:
    """The proposals bucket as Upwork words it: ``Less than 5``, ``20 to 50``, ``50+``."""
    if low is None:
        return ""
    if high is None:
        return QCoreApplication.translate("localized", "{low}+").format(low=number(low))
    if low == 0 and high == 4:
        return QCoreApplication.translate("localized", "Less than 5")
    if low == high:
        return number(low)
    return QCoreApplication.translate("localized", "{low} to {high}").format(
        low=number(low), high=number(high)
    )


def age(value: datetime | None, now: datetime) -> str:
    """How long ago a stored (UTC) moment was: ``5 min ago``, ``3 h ago``, ``2 d ago``;
    two weeks or more (or in the future), the user's day in their locale's short form."""
    if value is None:
        return ""

    def utc(moment: datetime) -> datetime:
        return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)

    seconds = (utc(now) - utc(value)).total_seconds()
    if seconds < 0 or seconds >= 14 * 86400:
        return day(local_time(value).date())
    if seconds < 3600:
        return QCoreApplication.translate("localized", "{minutes} min ago").format(
            minutes=number(max(1, int(seconds // 60)))
        )
    if seconds < 86400:
        return QCoreApplication.translate("localized", "{hours} h ago").format(
            hours=number(int(seconds // 3600))
        )
    return QCoreApplication.translate("localized", "{days} d ago").format(
        days=number(int(seconds // 86400))
    )


def parse_amount(text: str) -> float | None:
    """An amount the user typed, in their locale's way (``1.250,50`` in Germany) or the
    plain ``1250.50``, an optional ``$`` around it; None when it is not a number."""
    text = text.strip().strip("$").strip().replace("\xa0", "").replace(" ", "")
    if not text:
        return None
    value, ok = locale().toDouble(text)
    if ok:
        return value
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def measure(value: float) -> str:
    """``3``, ``2.5`` / ``2,5``, ``1,250``: a weight or a rate, with the decimals it has."""
    if float(value).is_integer():
        return number(int(value))
    return locale().toString(float(value), "g", 6)  # 2.5, 87.5: as many decimals as it has


def _amount(value: float | None, cents: bool = False) -> str:
    if value is None:
        return ""
    return money(value, decimals=2 if cents and not float(value).is_integer() else 0)


def _moment_and_age(value: datetime, now: datetime) -> str:
    return f"{moment(value)} ({age(value, now)})"


def posting_formats() -> Formats:
    """How the posting detail pane writes values: this locale's numbers, money and dates,
    times in the user's time zone (:func:`app.display.posting_details`)."""
    from app.display import Formats  # not before the window's first paint: ui.main imports this

    return Formats(
        money=_amount,
        number=measure,
        decimal=lambda value, places: number(value, places),
        moment=_moment_and_age,
        day=day,
        budget=budget,
        proposals=proposals,
    )
