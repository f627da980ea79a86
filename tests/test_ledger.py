"""Scenario tests for the Connects ledger: lots, expiries, allocations, refunds."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from app import clock, ledger, settings
from app.domain import LedgerKind as K
from app.errors import InputError, NotFoundError
from app.proposals import change_status, submit_proposal
from app.storage.models import JobPosting, LedgerEntry, Profile

pytestmark = pytest.mark.clock  # reads the time: .ci/run repeats it at awkward dates

T0 = datetime(2025, 1, 10, 9, 0, tzinfo=UTC)


def entries(db) -> list[tuple[str, int, int | None]]:
    with db.read() as session:
        rows = session.scalars(select(LedgerEntry).order_by(LedgerEntry.at, LedgerEntry.id))
        return [(e.kind, e.amount, e.proposal_id) for e in rows]


@pytest.fixture
def job_id(db) -> int:
    with db.transaction() as session:
        job = JobPosting(dedup_key="k", title="Fix my Django app", description="500 errors")
        session.add(job)
        session.flush()
        return job.id


def test_spends_draw_from_the_oldest_lot_and_the_rest_expires_once(db) -> None:
    with db.transaction() as session:
        ledger.post_entry(session, K.BONUS, 10, at=T0)
        ledger.buy(session, 20, at=T0 + timedelta(days=10))
        ledger.post_entry(session, K.SPEND, 15, at=T0 + timedelta(days=20))
        state = ledger.ledger_state(session, T0 + timedelta(days=30))
        assert [(lot.amount, lot.remaining) for lot in state.lots] == [(10, 0), (20, 15)]
        # the bonus lot is empty when its year is up: nothing to post
        assert ledger.post_due_expiries(session, T0 + timedelta(days=366)) == []
        [expiry] = ledger.post_due_expiries(session, T0 + timedelta(days=400))
        assert (expiry.amount, expiry.at) == (-15, T0 + timedelta(days=375))
        assert ledger.post_due_expiries(session, T0 + timedelta(days=500)) == []
    with db.read() as session:
        assert ledger.balance(session) == 0
        lot_ids = session.scalars(select(LedgerEntry.lot_id).where(LedgerEntry.kind == "expiry"))
        assert len(list(lot_ids)) == 1


def test_next_expiries_say_how_many_and_when(db) -> None:
    with db.transaction() as session:
        settings.set_value(session, "connects.expiry_days", 30)
        ledger.post_entry(session, K.BONUS, 12, at=datetime(2025, 2, 1, tzinfo=UTC))
        ledger.post_entry(session, K.BONUS, 5, at=datetime(2025, 2, 10, tzinfo=UTC))
        state = ledger.ledger_state(session, datetime(2025, 2, 15, tzinfo=UTC))
        expiries = ledger.next_expiries(state)
    assert expiries == [(date(2025, 3, 3), 12), (date(2025, 3, 12), 5)]
    assert ledger.describe_expiry(*expiries[0]) == "12 Connects expire on 3 March 2025"


def test_missed_allocations_are_posted_once(db) -> None:
    with db.transaction() as session:
        ledger.reconcile(session, 5, at=datetime(2025, 1, 15, tzinfo=UTC))
        now = datetime(2025, 4, 20, tzinfo=UTC)
        posted = ledger.catch_up(session, now)
        assert [(e.at.date(), e.amount) for e in posted] == [
            (date(2025, 2, 1), 10),
            (date(2025, 3, 1), 10),
            (date(2025, 4, 1), 10),
        ]
        assert ledger.catch_up(session, now) == []
        assert ledger.catch_up(session, datetime(2025, 5, 1, tzinfo=UTC))[0].amount == 10
    with db.read() as session:
        assert ledger.balance(session) == 45


def test_allocations_follow_the_plan_billing_day_and_manual_entries(db) -> None:
    with db.transaction() as session:
        session.add(Profile(name="me", is_active=True, plan="freelancer_plus"))
        settings.set_value(session, "connects.billing_day", 31)
        ledger.post_entry(session, K.BONUS, 1, at=datetime(2025, 1, 5, tzinfo=UTC))
        # the user already typed in February's allocation
        ledger.post_entry(session, K.ALLOCATION, 100, at=datetime(2025, 2, 28, 8, tzinfo=UTC))
        posted = ledger.post_missed_allocations(session, datetime(2025, 4, 1, tzinfo=UTC))
    # day 31 is clamped to the month's end; February is covered already
    assert [(e.at.date(), e.amount) for e in posted] == [
        (date(2025, 1, 31), 100),
        (date(2025, 3, 31), 100),
    ]
    assert "Freelancer Plus" in posted[0].note


def test_no_allocations_before_tracking_starts(db) -> None:
    with db.transaction() as session:
        assert ledger.catch_up(session, datetime(2025, 6, 1, tzinfo=UTC)) == []
    assert entries(db) == []


def test_reconcile_posts_one_correction_for_the_difference(db) -> None:
    with db.transaction() as session:
        ledger.buy(session, 40, at=T0)
        ledger.post_entry(session, K.SPEND, 10, at=T0 + timedelta(hours=1))
        entry = ledger.reconcile(session, 46, at=T0 + timedelta(days=1))
        assert entry is not None and (entry.kind, entry.amount) == ("correction", 16)
        assert "platform shows 46" in entry.note
        assert ledger.reconcile(session, 46, at=T0 + timedelta(days=2)) is None
        down = ledger.reconcile(session, 40, at=T0 + timedelta(days=3))
        assert down is not None and down.amount == -6
    with db.read() as session:
        assert ledger.balance(session) == 40


def test_purchase_by_bundle_tracks_usd(db) -> None:
    with db.transaction() as session:
        entry = ledger.buy(session, 40, at=T0)
        assert (entry.amount, entry.usd) == (40, 6.0)
        assert ledger.buy(session, 80, usd=10.5, at=T0).usd == 10.5
        with pytest.raises(InputError, match="not a bundle; buy one of: 10, 20, 40, 60, 80"):
            ledger.buy(session, 150, at=T0)
        session.add(Profile(name="agency", is_active=True, plan="agency"))
        assert ledger.buy(session, 150, at=T0).amount == 150
        assert entry.expires_at == T0 + timedelta(days=365)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s: ledger.buy(s, -10, at=T0), "positive number"),
        (lambda s: ledger.buy(s, 40, usd=-1.0, at=T0), "USD amount cannot be negative"),
        (lambda s: ledger.buy(s, 40, at=clock.now() + timedelta(days=2)), "future"),
        (lambda s: ledger.post_entry(s, "bonus", 0, at=T0), "positive number"),
        (lambda s: ledger.post_entry(s, "gift", 5, at=T0), "unknown entry kind"),
        (lambda s: ledger.post_entry(s, "expiry", 5, at=T0), "posted by the ledger"),
        (lambda s: ledger.post_entry(s, "correction", 0, at=T0), "changes nothing"),
        (lambda s: ledger.reconcile(s, -3, at=T0), "negative"),
        (lambda s: ledger.refund_boost(s, 99, at=T0), "no proposal"),
    ],
)
def test_bad_input_posts_nothing(db, call, message) -> None:
    with pytest.raises((InputError, NotFoundError), match=message), db.transaction() as session:
        call(session)
    assert entries(db) == []


# -- proposals and refunds ----------------------------------------------------------


def _submit(db, job_id: int, **kw) -> int:
    with db.transaction() as session:
        ledger.buy(session, 40, at=T0 - timedelta(days=1))
        return submit_proposal(session, job_id=job_id, at=T0, **kw).id


def test_submitting_posts_spend_and_boost_at_once(db, job_id: int) -> None:
    pid = _submit(db, job_id, connects=8, boost=4)
    assert entries(db)[1:] == [("spend", -8, pid), ("boost", -4, pid)]


def test_invitations_cost_nothing(db, job_id: int) -> None:
    _submit(db, job_id, connects=8, invited=True)
    assert entries(db) == [("purchase", 40, None)]


@pytest.mark.parametrize(
    "reason", ["client cancelled", "Cancelled: budget cut", "removed for terms"]
)
def test_cancelled_or_removed_jobs_refund_spend_and_boost(db, job_id: int, reason: str) -> None:
    pid = _submit(db, job_id, connects=8, boost=4)
    with db.transaction() as session:
        change_status(session, pid, "job_closed", reason=reason, at=T0 + timedelta(days=2))
    assert entries(db)[-2:] == [("refund", 8, pid), ("boost_refund", 4, pid)]
    with db.read() as session:
        assert ledger.balance(session) == 40


@pytest.mark.parametrize(
    ("status", "reason"),
    [
        ("job_closed", None),
        ("job_closed", "expired"),
        ("job_closed", "went with a local dev"),
        ("not_hired", None),
        ("withdrawn", None),
        ("declined", None),
    ],
)
def test_expired_hired_elsewhere_or_withdrawn_refund_nothing(db, job_id, status, reason) -> None:
    pid = _submit(db, job_id, connects=8, boost=4)
    with db.transaction() as session:
        change_status(session, pid, status, reason=reason, at=T0 + timedelta(days=2))
    assert [kind for kind, _, _ in entries(db)] == ["purchase", "spend", "boost"]


def test_refund_rules_are_settings(db, job_id: int) -> None:
    pid = _submit(db, job_id, connects=8, boost=4)
    with db.transaction() as session:
        rules = dict(settings.get(session, "connects.refund_rules"), job_expired="spend")
        settings.set_value(session, "connects.refund_rules", rules)
        change_status(session, pid, "job_closed", reason="expired", at=T0 + timedelta(days=2))
    assert entries(db)[-1] == ("refund", 8, pid)


def test_no_refund_after_hiring_this_freelancer(db, job_id: int) -> None:
    pid = _submit(db, job_id, connects=8)
    with db.transaction() as session:
        change_status(session, pid, "hired", at=T0 + timedelta(days=1))
        change_status(session, pid, "job_closed", reason="cancelled", at=T0 + timedelta(days=9))
    assert [kind for kind, _, _ in entries(db)] == ["purchase", "spend"]


def test_outbid_refunds_the_boost_once_and_never_twice(db, job_id: int) -> None:
    pid = _submit(db, job_id, connects=8, boost=4)
    with db.transaction() as session:
        entry = ledger.refund_boost(session, pid, at=T0 + timedelta(hours=3))
        assert (entry.kind, entry.amount) == ("boost_refund", 4)
    with pytest.raises(InputError, match="already refunded"), db.transaction() as session:
        ledger.refund_boost(session, pid, at=T0 + timedelta(hours=4))
    with db.transaction() as session:
        change_status(session, pid, "job_closed", reason="client cancelled", at=T0 + timedelta(1))
    # the spend comes back; the boost was refunded already
    assert entries(db)[-2:] == [("boost_refund", 4, pid), ("refund", 8, pid)]


def test_no_boost_refund_once_the_client_interacted(db, job_id: int) -> None:
    pid = _submit(db, job_id, connects=8, boost=4)
    with db.transaction() as session:
        change_status(session, pid, "viewed", at=T0 + timedelta(hours=1))
    with pytest.raises(InputError, match="already interacted"), db.transaction() as session:
        ledger.refund_boost(session, pid, at=T0 + timedelta(hours=2))
    # outbid before the view (entered after the fact) is still refunded
    with db.transaction() as session:
        assert ledger.refund_boost(session, pid, at=T0 + timedelta(minutes=30)).amount == 4


def test_no_boost_refund_without_a_boost_or_when_turned_off(db, job_id: int) -> None:
    pid = _submit(db, job_id, connects=8)
    with pytest.raises(InputError, match="not boosted"), db.transaction() as session:
        ledger.refund_boost(session, pid, at=T0 + timedelta(hours=1))
    with pytest.raises(InputError, match="turned off"), db.transaction() as session:
        settings.set_value(session, "connects.refund_boost_when_outbid", False)
        ledger.refund_boost(session, pid, at=T0 + timedelta(hours=1))


def test_disallowed_status_move_posts_nothing(db, job_id: int) -> None:
    pid = _submit(db, job_id, connects=8, boost=4)
    with db.transaction() as session:
        change_status(session, pid, "withdrawn", at=T0 + timedelta(days=1))
    before = entries(db)
    with pytest.raises(InputError, match="can move to"), db.transaction() as session:
        change_status(session, pid, "job_closed", reason="cancelled", at=T0 + timedelta(2))
    assert entries(db) == before


def test_draft_submitted_later_spends_once(db, job_id: int) -> None:
    from app.proposals import save_draft

    with db.transaction() as session:
        ledger.buy(session, 40, at=T0 - timedelta(days=1))
        draft = save_draft(session, job_id=job_id, text="Hi", at=T0)
        draft.connects_spent = 6
        change_status(session, draft.id, "submitted", at=T0 + timedelta(hours=1))
        ledger.post_submission(session, draft, T0 + timedelta(hours=1))
    assert [kind for kind, _, _ in entries(db)] == ["purchase", "spend"]


def test_spend_beyond_the_balance_is_a_recorded_overdraft(db, job_id: int) -> None:
    with db.transaction() as session:
        ledger.post_entry(session, K.BONUS, 5, at=T0 - timedelta(days=1))
        pid = submit_proposal(session, job_id=job_id, connects=8, at=T0).id
        assert ledger.overdraft_warning(session) is not None
        assert "overdraft" in ledger.list_entries(session, kinds=["spend"])[0].note
        state = ledger.ledger_state(session, T0 + timedelta(hours=1))
        assert (state.overdraft, state.balance) == (3, -3)
        ledger.buy(session, 10, at=T0 + timedelta(days=1))
        state = ledger.ledger_state(session, T0 + timedelta(days=2))
        assert (state.overdraft, state.lots[-1].remaining, state.balance) == (0, 7, 7)
        assert ledger.overdraft_warning(session) is None
    assert pid


# -- time after the fact -----------------------------------------------------------


def test_a_spend_entered_after_its_lot_expired_keeps_the_balance_the_sum(db) -> None:
    with db.transaction() as session:
        ledger.post_entry(session, K.BONUS, 10, at=T0)
        ledger.post_due_expiries(session, T0 + timedelta(days=400))
        # a spend from before the expiry, typed in later: the expiry stands as posted
        ledger.post_entry(session, K.SPEND, 4, at=T0 + timedelta(days=5))
        state = ledger.ledger_state(session, T0 + timedelta(days=401))
        assert state.balance == ledger.balance(session) == -4
        assert all(lot.remaining >= 0 for lot in state.lots)


def test_a_credit_entered_after_an_expiry_strands_nothing(db) -> None:
    with db.transaction() as session:
        ledger.post_entry(session, K.BONUS, 10, at=T0)
        ledger.post_entry(session, K.SPEND, 6, at=T0 + timedelta(days=5))
        ledger.post_due_expiries(session, T0 + timedelta(days=400))  # 4 expire
        # an older bonus typed in later: FIFO says the spend came from it
        ledger.post_entry(session, K.BONUS, 6, at=T0 - timedelta(days=1))
        posted = ledger.post_due_expiries(session, T0 + timedelta(days=401))
        assert sorted((e.kind, e.amount) for e in posted) == [("correction", -6)]
        state = ledger.ledger_state(session, T0 + timedelta(days=401))
        assert state.balance == ledger.balance(session) == 0
        assert ledger.post_due_expiries(session, T0 + timedelta(days=402)) == []


# -- forecast ----------------------------------------------------------------------


def test_forecast_pace_run_out_and_warning(db, job_id: int) -> None:
    now = datetime(2025, 3, 31, 12, tzinfo=UTC)
    with db.transaction() as session:
        session.add(Profile(name="me", is_active=True, plan="agency"))  # no free Connects
        ledger.buy(session, 60, at=datetime(2025, 3, 1, tzinfo=UTC))
        for day in range(10):
            submit_proposal(
                session, job_id=job_id, connects=3, at=datetime(2025, 3, 2 + day * 3, tzinfo=UTC)
            )
        outlook = ledger.forecast(session, now)
    assert outlook.balance == 30 and outlook.pace_per_day == 1.0
    assert outlook.runs_out_on == date(2025, 4, 30)
    assert outlook.typical_proposal == 3 and outlook.warning is None
    with db.transaction() as session:
        ledger.post_entry(session, K.SPEND, 28, at=now)
        low = ledger.forecast(session, now)
    assert low.warning is not None and "cannot cover a typical proposal (3" in low.warning


def test_ledger_json_has_the_contract_keys(db) -> None:
    with db.transaction() as session:
        ledger.buy(session, 20, at=T0)
        data = ledger.ledger_json(session, T0 + timedelta(days=1))
    assert list(data) == ["balance", "entries", "lots", "forecast"]
    assert list(data["entries"][0]) == ["id", "at", "kind", "amount", "usd", "proposal_id", "note"]
    assert list(data["lots"][0]) == ["credited_at", "amount", "remaining", "expires_at"]
    assert data["balance"] == 20 and data["lots"][0]["remaining"] == 20


def test_close_choices_drive_change_status(db, job_id: int) -> None:
    with db.read() as session:
        choices = {c.code: c for c in ledger.close_choices(session)}
    assert choices["client_cancelled"].refund == "spend_and_boost"
    assert choices["job_expired"].refund == "none"
    assert choices["hired_someone_else"].status == "not_hired"
    pid = _submit(db, job_id, connects=8, boost=4)
    pick = choices["removed_for_terms"]
    with db.transaction() as session:
        change_status(session, pid, pick.status, reason=pick.reason, at=T0 + timedelta(days=1))
    assert [kind for kind, _, _ in entries(db)][-2:] == ["refund", "boost_refund"]


def test_forecast_in_words() -> None:
    def outlook(balance: int, pace: float, day: date | None) -> ledger.Forecast:
        return ledger.Forecast(balance, pace, 30, day, 8, None, [])

    assert (
        ledger.describe_forecast(outlook(0, 2.0, date(2025, 1, 1))) == "No Connects left to spend"
    )
    assert ledger.describe_forecast(outlook(5, 0.0, None), "bids") == (
        "No bids spent in the last 30 days"
    )
    assert ledger.describe_forecast(outlook(40, 1.5, date(2025, 3, 3))) == (
        "At 1.5 a day (last 30 days) the balance runs out on 3 March 2025"
    )
    assert "lasts beyond a year" in ledger.describe_forecast(outlook(40, 0.01, None))


def test_forecast_warns_of_an_overdraft(db) -> None:
    with db.transaction() as session:
        ledger.post_entry(session, K.SPEND, 4, at=T0)
        outlook = ledger.forecast(session, T0 + timedelta(days=1))
    assert outlook.balance == -4 and outlook.runs_out_on == (T0 + timedelta(days=1)).date()
    assert outlook.warning is not None and outlook.warning.startswith("The balance is -4 Connects")
