"""Numbers, money, dates and times as the user's locale writes them (QLocale), and
times in the user's time zone (they are stored in UTC).

The system locale is used; a system without one (the "C" locale of a bare container
or CI) is written as US English, the language the app's texts are in.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import QDate, QDateTime, QLocale, QTimeZone


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


def local_time(moment: datetime) -> QDateTime:
    """A stored UTC moment (naive means UTC) in the user's time zone."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    utc = QDateTime.fromMSecsSinceEpoch(int(aware.timestamp() * 1000), QTimeZone.utc())
    return utc.toTimeZone(QTimeZone.systemTimeZone())


def moment(value: datetime) -> str:
    """A stored UTC moment as the user reads it: their time zone, their locale's short
    date and time (``12/2/26 9:30 AM``)."""
    return locale().toString(local_time(value), QLocale.FormatType.ShortFormat)
