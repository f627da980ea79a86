"""The Connects ledger: entries, lots that expire, allocations, purchases, refunds.

Every change of the balance is a :class:`~app.storage.models.LedgerEntry`;
nothing is ever edited and the balance is the sum of ``amount``. Each credit is
a *lot* that expires ``connects.expiry_days`` after it arrived. Spends and
boosts draw from the oldest unexpired lot first (FIFO); what is left of a lot
when its date comes is posted as one ``expiry`` entry naming the lot. Lot
remainders are not stored: :func:`replay` recomputes them from the entries in
time order, so they can never drift from the entries.

Platform rules (allocations, bundles, price, expiry, refund rules) are
settings (:mod:`app.settings`), because the platform changes them.

Where each part lives: :mod:`~app.ledger.lots` (the FIFO replay, pure: no
database), :mod:`~app.ledger.entries` (posting, the balance, expiries and
allocations), :mod:`~app.ledger.refunds` (a proposal's spend and its refunds),
:mod:`~app.ledger.forecasting` (when the balance runs out) and
:mod:`~app.ledger.views` (the Connects page's rows, ``pwb ledger --json``).
Every public name is importable from here. The modules that need the database
load on first use of one of their names, so importing :mod:`app.ledger.lots`
never loads SQLAlchemy.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from app.ledger.lots import EntryRow, LedgerState, Lot, describe_expiry, next_expiries, replay

if TYPE_CHECKING:
    from app.ledger.entries import (
        CREDIT_KINDS,
        DEBIT_KINDS,
        MANUAL_KINDS,
        PLAN_LABELS,
        active_plan,
        balance,
        billing_date,
        bundles,
        buy,
        catch_up,
        catch_up_database,
        credit_name,
        ledger_state,
        monthly_allocation,
        overdraft_message,
        overdraft_warning,
        post_due_expiries,
        post_entry,
        post_missed_allocations,
        purchase_price,
        reconcile,
    )
    from app.ledger.forecasting import (
        Forecast,
        describe_forecast,
        forecast,
        spending_pace,
        typical_proposal_cost,
    )
    from app.ledger.refunds import (
        CLOSE_REASONS,
        CloseChoice,
        close_choices,
        on_status_change,
        parse_close_reason,
        post_submission,
        refund_boost,
        refund_proposal,
        refund_rule,
    )
    from app.ledger.views import (
        EntryView,
        Overview,
        entry_json,
        entry_views,
        ledger_json,
        list_entries,
        overview,
    )

__all__ = [
    "CLOSE_REASONS",
    "CREDIT_KINDS",
    "DEBIT_KINDS",
    "MANUAL_KINDS",
    "PLAN_LABELS",
    "CloseChoice",
    "EntryRow",
    "EntryView",
    "Forecast",
    "LedgerState",
    "Lot",
    "Overview",
    "active_plan",
    "balance",
    "billing_date",
    "bundles",
    "buy",
    "catch_up",
    "catch_up_database",
    "close_choices",
    "credit_name",
    "describe_expiry",
    "describe_forecast",
    "entry_json",
    "entry_views",
    "forecast",
    "ledger_json",
    "ledger_state",
    "list_entries",
    "monthly_allocation",
    "next_expiries",
    "on_status_change",
    "overdraft_message",
    "overdraft_warning",
    "overview",
    "parse_close_reason",
    "post_due_expiries",
    "post_entry",
    "post_missed_allocations",
    "post_submission",
    "purchase_price",
    "reconcile",
    "refund_boost",
    "refund_proposal",
    "refund_rule",
    "replay",
    "spending_pace",
    "typical_proposal_cost",
]

#: the modules that need the database, searched in this order for a name of ``__all__``
_DATABASE_MODULES = ("entries", "refunds", "forecasting", "views")


def _load(name: str) -> Any:
    """The object called ``name`` in the first database module that defines it."""
    if name in __all__:
        for module_name in _DATABASE_MODULES:
            module = importlib.import_module(f"{__name__}.{module_name}")
            if name in vars(module):
                globals()[name] = value = vars(module)[name]
                return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


if not TYPE_CHECKING:  # for mypy, the imports above define every name

    def __getattr__(name: str) -> Any:
        """Load a name of ``__all__`` from its module on first use (PEP 562)."""
        return _load(name)


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
