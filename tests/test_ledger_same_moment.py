"""A spend and a lot's expiry at the same moment: the lot is no longer usable.

The convention (``app.ledger.replay``): a lot is usable strictly before its
``expires_at``; at that moment it expires first, then the other entries of the
moment apply. The posting of expiry entries (``post_due_expiries``) computes the
amount with that order, and the replay of a posted expiry keeps it (an ``expiry``
row sorts before the other rows of its moment even when it was posted later).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from app import ledger, settings
from app.domain import LedgerKind as K
from app.ledger import EntryRow, replay
from app.storage.models import LedgerEntry

T0 = datetime(2025, 1, 10, 9, 0, tzinfo=UTC)
LIFETIME = timedelta(days=30)
#: the moment the first lot (credited at T0) expires
T = T0 + LIFETIME


def credit(entry_id: int, at: datetime, amount: int) -> EntryRow:
    return EntryRow(entry_id, at, K.BONUS, amount, at + LIFETIME, None)


def spend(entry_id: int, at: datetime, amount: int) -> EntryRow:
    return EntryRow(entry_id, at, K.SPEND, -amount, None, None)


# -- the pure replay ------------------------------------------------------------------


def test_a_spend_at_the_expiry_moment_draws_from_the_next_lot() -> None:
    rows = [credit(1, T0, 10), credit(2, T0 + timedelta(days=5), 20), spend(3, T, 4)]
    state = replay(rows, T + timedelta(days=1))
    assert [(lot.remaining, lot.drawn) for lot in state.lots] == [(0, 0), (16, 4)]
    assert [(lot.entry_id, amount) for lot, amount in state.due] == [(1, 10)]
    assert state.balance == 16 and state.overdraft == 0


def test_a_spend_just_before_the_expiry_moment_still_draws_from_the_old_lot() -> None:
    rows = [credit(1, T0, 10), credit(2, T0 + timedelta(days=5), 20)]
    rows.append(spend(3, T - timedelta(microseconds=1), 4))
    state = replay(rows, T + timedelta(days=1))
    assert [(lot.remaining, lot.drawn) for lot in state.lots] == [(0, 4), (20, 0)]
    assert [(lot.entry_id, amount) for lot, amount in state.due] == [(1, 6)]
    assert state.balance == 20


def test_with_no_other_lot_a_spend_at_the_expiry_moment_is_an_overdraft() -> None:
    state = replay([credit(1, T0, 10), spend(2, T, 4)], T + timedelta(days=1))
    assert [(lot.entry_id, amount) for lot, amount in state.due] == [(1, 10)]
    assert state.overdraft == 4 and state.balance == -4


def test_a_posted_expiry_sorts_before_an_earlier_posted_spend_of_its_moment() -> None:
    """The spend (id 2) was posted before the expiry (id 3) of the same moment; the
    replay still applies the expiry first, so the spend cannot use the expired lot."""
    rows = [credit(1, T0, 10), spend(2, T, 4)]
    rows.append(EntryRow(3, T, K.EXPIRY, -10, None, 1))
    forward = replay(rows, T + timedelta(days=1))
    backward = replay(list(reversed(rows)), T + timedelta(days=1))
    for state in (forward, backward):
        [lot] = state.lots
        assert (lot.remaining, lot.drawn, lot.expired) == (0, 0, True)
        assert state.overdraft == 4 and state.due == [] and state.stranded == []


# -- through the database: posting expiries agrees with the replay ----------------------


def _entries(session) -> list[tuple[str, int, datetime]]:
    rows = session.scalars(select(LedgerEntry).order_by(LedgerEntry.id))
    return [(e.kind, e.amount, e.at) for e in rows]


def test_the_posted_expiry_leaves_out_a_spend_of_the_same_moment(db) -> None:
    with db.transaction() as session:
        settings.set_value(session, "connects.expiry_days", LIFETIME.days)
        ledger.post_entry(session, K.BONUS, 10, at=T0)
        ledger.post_entry(session, K.BONUS, 20, at=T0 + timedelta(days=5))
        ledger.post_entry(session, K.SPEND, 4, at=T)
        [expiry] = ledger.post_due_expiries(session, T + timedelta(days=1))
        # the whole first lot expires: the spend came from the second
        assert (expiry.amount, expiry.at, expiry.lot_id) == (-10, T, 1)
        state = ledger.ledger_state(session, T + timedelta(days=1))
        assert [lot.remaining for lot in state.lots] == [0, 16]
        assert state.balance == ledger.balance(session) == 16
        assert ledger.post_due_expiries(session, T + timedelta(days=2)) == []


def test_an_older_credit_typed_in_later_keeps_the_spend_off_the_expired_lot(db) -> None:
    """Posted expiry, then history typed in late: the order at one moment decides the
    balance. With the spend at the expiry moment applied first it would draw from the
    expired lot, the late correction would be -2 instead of -6 and the balance 0."""
    with db.transaction() as session:
        settings.set_value(session, "connects.expiry_days", LIFETIME.days)
        ledger.post_entry(session, K.BONUS, 10, at=T0)  # lot A, expires at T
        ledger.post_entry(session, K.SPEND, 6, at=T - timedelta(days=10))
        ledger.post_entry(session, K.SPEND, 4, at=T)  # posted before A's expiry
        [expiry] = ledger.post_due_expiries(session, T + timedelta(days=1))
        assert (expiry.amount, expiry.at) == (-4, T)
        assert ledger.balance(session) == -4
        # an older bonus typed in now: FIFO says the first spend came from it, so A held 10
        # at T, not the 4 its posted expiry took; a correction takes out the other 6
        ledger.post_entry(session, K.BONUS, 6, at=T0 - timedelta(days=1))
        [late] = ledger.post_due_expiries(session, T + timedelta(days=2))
        assert (late.kind, late.amount) == (K.CORRECTION, -6)
        state = ledger.ledger_state(session, T + timedelta(days=2))
        assert [lot.remaining for lot in state.lots] == [0, 0]
        assert state.overdraft == 4
        assert state.balance == ledger.balance(session) == -4
        assert ledger.post_due_expiries(session, T + timedelta(days=3)) == []
