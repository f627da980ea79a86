"""Numbers, money, dates and times in the user's locale and time zone."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QLocale

from ui import localized


@pytest.fixture
def german() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def new_york() -> Iterator[None]:
    old = os.environ.get("TZ")
    os.environ["TZ"] = "America/New_York"
    time.tzset()
    yield
    if old is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = old
    time.tzset()


def test_no_locale_is_written_as_us_english() -> None:
    before = QLocale()
    QLocale.setDefault(QLocale.c())
    try:
        assert localized.number(12345) == "12,345"
        assert localized.money(1250.5) == "$1,250.50"
        assert localized.money(40) == "$40"
    finally:
        QLocale.setDefault(before)


def test_a_german_user_reads_german_numbers_and_dates(german) -> None:
    assert localized.number(12345) == "12.345"
    assert localized.number(0.25, 2) == "0,25"
    assert localized.money(1250.5) == "1.250,50\xa0$"
    assert localized.day(date(2026, 12, 2)) == "02.12.26"


def test_times_are_shown_in_the_users_time_zone(new_york) -> None:
    stored = datetime(2026, 12, 2, 14, 30, tzinfo=UTC)  # 9:30 in New York (EST)
    shown = localized.local_time(stored)
    assert (shown.time().hour(), shown.time().minute()) == (9, 30)
    assert localized.moment(stored.replace(tzinfo=None)) == localized.moment(stored)
    assert "9:30" in localized.moment(stored)
    summer = localized.local_time(datetime(2026, 7, 1, 14, 30, tzinfo=UTC))  # EDT
    assert summer.time().hour() == 10


def test_the_ledger_shows_a_stored_utc_time_in_the_users_zone(qapp, new_york) -> None:
    from PySide6.QtCore import Qt

    from app.ledger.views import EntryView
    from ui.models.ledger_model import USD_COLUMN, LedgerTableModel

    model = LedgerTableModel()
    stored = datetime(2026, 12, 2, 3, 15)  # naive UTC, as the database gives it back
    model.set_rows([EntryView(1, stored, "purchase", 80, 12.0, None, None, "")])
    shown = model.data(model.index(0, 0), Qt.ItemDataRole.DisplayRole)
    # the table shows it as plain text: Qt's narrow no-break space before "PM" is a space
    assert shown == localized.moment(stored).replace("\u202f", " ")
    assert "10:15" in shown  # 22:15 the evening before, in New York
    assert localized.local_time(stored).date().day() == 1
    assert model.data(model.index(0, USD_COLUMN), Qt.ItemDataRole.DisplayRole) == "$12.00"
