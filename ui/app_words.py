"""The fixed names app/ defines (statuses, severities, ledger kinds, setting choices and
parts; verdicts: ui.widgets.verdict_delegate.badge_text), as the user's language writes them.

app/ keeps its English names (the command line prints them, the database stores the values);
:func:`ui.i18n.app_texts` marks the English names in ui/app_texts.py so lupdate collects them,
and these functions translate them where ui/ shows them. A value app/ does not define (an
old database, a new rule file) is shown the English way, untranslated.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from app.messages import Message, Value

#: the modules whose ``message("…")`` templates ui/app_texts.py marks (context "Messages")
MESSAGE_MODULES = (
    "app/insights/takeaways.py",
    "app/ledger/entries.py",
    "app/ledger/forecasting.py",
)


def english(name: str) -> str:
    """``not_hired`` -> ``Not hired``; ``DMY`` stays ``DMY`` (app/'s way of naming a value)."""
    if name.isupper():
        return name
    return name.replace("_", " ").capitalize()


def proposal_status(status: str) -> str:
    """A proposal's status: ``not_hired`` -> "Not hired" (translated)."""
    from app.drafting.pipeline import status_label  # the CLI's words, kept out of the start

    return QCoreApplication.translate("ProposalStatus", status_label(status))


def job_status(status: str) -> str:
    """A posting's status: ``shortlisted`` -> "Shortlisted" (translated)."""
    return QCoreApplication.translate("JobStatus", english(status))


def severity(value: str) -> str:
    """A red flag's severity: ``critical`` -> "Critical" (translated)."""
    return QCoreApplication.translate("Severity", english(value))


def ledger_kind(kind: str) -> str:
    """A ledger entry's kind: ``boost_refund`` -> "Boost refund" (translated)."""
    return QCoreApplication.translate("LedgerKind", english(kind))


def setting_word(name: str) -> str:
    """A setting's choice or a table setting's part: ``spend_and_boost`` -> "Spend and
    boost", ``freelancer_plus`` -> "Freelancer plus" (translated)."""
    return QCoreApplication.translate("Settings", english(name))


def message(built: Message) -> str:
    """A message app/ built, in the user's language: the template translated (context
    "Messages"), then its values the locale's way (numbers, percents, days) and its nested
    messages translated too. A translation whose placeholders do not fit is not used."""
    template = QCoreApplication.translate("Messages", built.template) if built.template else ""
    values = {name: _value(value) for name, value in built.params.items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return built.template.format(**values)


def _value(value: Value) -> str:
    from app.messages import Count, Day, Decimal, Message, Percent, Times
    from ui import localized

    if isinstance(value, Message):
        return message(value)
    if isinstance(value, Count):
        return localized.number(value.value)
    if isinstance(value, Percent):
        return localized.percent(value.value)
    if isinstance(value, Decimal):
        return "–" if value.value is None else localized.number(value.value, value.digits)
    if isinstance(value, Times):
        return localized.number(value.value, 1)
    if isinstance(value, Day):
        return localized.day(value.value)
    return str(value)
