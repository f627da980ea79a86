"""Property tests: for any history of credits, spends, refunds and time passing,
the ledger keeps its promises (balance = sum, lots never negative, FIFO, one expiry per lot).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app import ledger
from app import settings as app_settings
from app.domain import LedgerKind as K
from app.storage import open_database
from app.storage.models import LedgerEntry

pytestmark = pytest.mark.clock  # reads the time: .ci/run repeats it at awkward dates

T0 = datetime(2024, 1, 1, tzinfo=UTC)
EXPIRY_DAYS = 20

credit = st.tuples(
    st.sampled_from([K.PURCHASE, K.BONUS, K.ALLOCATION, K.REFUND, K.BOOST_REFUND]),
    st.integers(1, 50),
)
debit = st.tuples(st.sampled_from([K.SPEND, K.BOOST]), st.integers(1, 30))
correction = st.tuples(st.just(K.CORRECTION), st.integers(-20, 20).filter(bool))
step = st.tuples(st.integers(0, 9), st.one_of(credit, debit, correction, st.just(("wait", 0))))


@dataclass
class RefLot:
    """The reference model's lot: a plain list walk, no cleverness."""

    at: datetime
    expires_at: datetime
    remaining: int
    expired_with: int | None = None
    #: Connects taken from this lot by debits (what the replay calls ``drawn``)
    drawn: int = 0


class Reference:
    def __init__(self, expiry_days: int = EXPIRY_DAYS) -> None:
        self.lots: list[RefLot] = []
        self.debt = 0
        self.lifetime = timedelta(days=expiry_days)

    def expire(self, now: datetime) -> None:
        for lot in self.lots:
            if lot.expired_with is None and lot.expires_at <= now:
                lot.expired_with, lot.remaining = lot.remaining, 0

    def apply(self, at: datetime, amount: int) -> None:
        self.expire(at)
        if amount > 0:
            paid = min(self.debt, amount)
            self.debt -= paid
            self.lots.append(RefLot(at, at + self.lifetime, amount - paid))
            return
        wanted = -amount
        for lot in self.lots:  # oldest first
            take = min(wanted, lot.remaining)
            lot.remaining -= take
            lot.drawn += take
            wanted -= take
        self.debt += wanted


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=st.lists(step, min_size=1, max_size=25))
def test_any_history_keeps_the_ledger_consistent(steps, migrated_copy) -> None:
    db = open_database(str(migrated_copy()))
    ref = Reference()
    now = T0
    try:
        with db.transaction() as session:
            app_settings.set_value(session, "connects.expiry_days", EXPIRY_DAYS)
            for days, (kind, amount) in steps:
                now += timedelta(days=days, hours=1)
                if kind != "wait":
                    entry = ledger.post_entry(session, kind, amount, at=now)
                    ref.apply(now, entry.amount)
                ledger.post_due_expiries(session, now)
                ref.expire(now)
                _check(session, ref, now)
    finally:
        db.close()


def _check(session, ref: Reference, now: datetime) -> None:
    state = ledger.ledger_state(session, now)
    total = session.scalar(select(func.sum(LedgerEntry.amount))) or 0
    # balance = sum of entries, and nothing is left due after posting
    assert ledger.balance(session) == total == state.balance
    assert state.due == [] and state.stranded == []
    # no lot ever goes below zero, and the lots match the plain reference (FIFO)
    assert all(lot.remaining >= 0 for lot in state.lots)
    assert [lot.remaining for lot in state.lots] == [lot.remaining for lot in ref.lots]
    # and each debit came out of the lot the reference took it from
    assert [lot.drawn for lot in state.lots] == [lot.drawn for lot in ref.lots]
    assert state.overdraft == ref.debt
    # FIFO: a lot that was drawn from has no older open lot with Connects left
    for i, lot in enumerate(state.lots):
        if lot.drawn:
            assert all(old.expired or old.remaining == 0 for old in state.lots[:i])
    # expiries exactly once, for exactly what was left of each lot
    expiries = dict(
        session.execute(
            select(LedgerEntry.lot_id, LedgerEntry.amount).where(LedgerEntry.kind == K.EXPIRY)
        ).all()
    )
    expected = {
        lot.entry_id: -ref_lot.expired_with
        for lot, ref_lot in zip(state.lots, ref.lots, strict=True)
        if ref_lot.expired_with
    }
    assert expiries == expected
    assert ledger.post_due_expiries(session, now) == []


#: whole days only, lots that live a few days: many entries fall on the very moment a lot
#: expires (where the order of a spend and an expiry at one moment decides the lots)
SHORT_EXPIRY_DAYS = 3
same_moment_step = st.tuples(
    st.integers(0, SHORT_EXPIRY_DAYS), st.one_of(credit, debit, st.just(("wait", 0)))
)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=st.lists(same_moment_step, min_size=1, max_size=25))
def test_a_lot_is_unusable_from_its_expiry_moment_on(steps, migrated_copy) -> None:
    """Spends at the exact moment a lot expires come out of the next lot (or overdraft),
    in the replay and in the amounts the posted expiries take."""
    db = open_database(str(migrated_copy()))
    ref = Reference(SHORT_EXPIRY_DAYS)
    now = T0
    try:
        with db.transaction() as session:
            app_settings.set_value(session, "connects.expiry_days", SHORT_EXPIRY_DAYS)
            for days, (kind, amount) in steps:
                now += timedelta(days=days)
                if kind != "wait":
                    entry = ledger.post_entry(session, kind, amount, at=now)
                    ref.apply(now, entry.amount)
                ledger.post_due_expiries(session, now)
                ref.expire(now)
                _check(session, ref, now)
    finally:
        db.close()


backdated_step = st.tuples(
    st.integers(0, 120), st.one_of(credit, debit, correction, st.just(("wait", 0)))
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=st.lists(backdated_step, min_size=1, max_size=25))
def test_entries_typed_in_after_the_fact_keep_the_promises(steps, migrated_copy) -> None:
    """Any order of entry dates (history typed in late): sum, no negatives, one expiry a lot."""
    db = open_database(str(migrated_copy()))
    latest = T0
    try:
        with db.transaction() as session:
            app_settings.set_value(session, "connects.expiry_days", EXPIRY_DAYS)
            for offset, (kind, amount) in steps:
                at = T0 + timedelta(days=offset, minutes=len(str(offset)))
                latest = max(latest, at)
                if kind != "wait":
                    ledger.post_entry(session, kind, amount, at=at)
                ledger.post_due_expiries(session, latest)
                state = ledger.ledger_state(session, latest)
                assert ledger.balance(session) == state.balance
                assert state.due == [] and state.stranded == []
                assert all(lot.remaining >= 0 for lot in state.lots)
                assert ledger.post_due_expiries(session, latest) == []
    finally:
        db.close()
