"""Insights: is my bidding paying off? Numbers behind the Insights page and ``pwb report``.

Everything is computed with a few SQL aggregates (grouped to days or to small
proposal groups) and rolled up in Python, so a refresh stays fast with years
of data. The proposal figures group a per-proposal summary,
``insights_proposal_fact``, which :func:`refresh_facts` brings up to date
incrementally before each computation (only the proposals whose inputs
changed are recomputed, by the same SQL as a computation from scratch).
Conventions, which the report and the charts share:

* **Time.** Stored times are UTC. A range is half-open ``[start, end)``; days,
  ISO weeks (starting Monday 00:00) and months are UTC calendar periods.
* **Two views of a range.** Ledger figures (Connects spent, boosts, refunds,
  purchases, balance) count entries *dated* in the range. Proposal figures
  (funnel, win rates, Connects and USD per hire, revenue) follow the cohort of
  proposals *submitted* in the range, with everything that happened to them
  later, refunds included.
* **Net of refunds.** ``spend`` minus ``refund`` is base Connects; ``boost``
  minus ``boost_refund`` is boost Connects. In the ledger view a refund counts
  in the period it was posted; in the cohort view it reduces the cost of the
  proposal it belongs to.
* **USD.** ``usd_spent`` is cash paid for Connects (``purchase`` entries). It
  is account-wide: a purchase belongs to no profile. So is the balance line;
  with a profile chosen, only spends, boosts and refunds are filtered (through
  the proposal each entry belongs to). Per-hire USD and revenue
  per USD value the Connects a proposal spent at the Connect price setting
  (``connects.price_usd``), so they work per profile, category and band.
* **Funnel.** A submitted proposal *reached* a stage if its history (or its
  current status) holds that stage or a later one on the happy path
  (submitted → viewed → replied → interviewing → hired). Rates are shares of
  submitted proposals; ``step_rate`` is the share of the previous stage.
  Invitations (free to answer) are shown apart from cold proposals.
* **Score.** A proposal's score is ``score_at_submit``, else the stored score
  card total for its posting and profile; bands are ``0-20`` … ``80-100``,
  lower bound included (80–100 includes 100). Verdict is the stored score
  card's, else derived from the score and the verdict thresholds.

Where each part lives: :mod:`~app.insights.results` (the figures' types and
shared conventions), :mod:`~app.insights.ledger_view` and
:mod:`~app.insights.cohort_view` (the SQL of the two views),
:mod:`~app.insights.summary` (the incremental per-proposal summary),
:mod:`~app.insights.compute` (:func:`compute_insights` and the page's memo),
:mod:`~app.insights.calibration`, :mod:`~app.insights.report` (``pwb report``),
:mod:`~app.insights.takeaways` (one line per chart),
:mod:`~app.insights.csv_export` and :mod:`~app.insights.choices` (range
presets and profile pickers). Everything public is importable from here.
"""

from app.insights.calibration import (
    CALIBRATION_MIN_HIRES,
    CALIBRATION_MIN_SAMPLE,
    CALIBRATION_PRIOR_WEIGHT,
    CALIBRATION_STALE_DAYS,
    band_outcomes,
    calibrated_win_rates,
)
from app.insights.choices import (
    RANGE_PRESETS,
    day_bounds,
    has_activity,
    member_id_by_name,
    parse_range_bound,
    preset_range,
    profile_choices,
    profile_id_by_name,
)
from app.insights.cohort_view import _decode_key, _fact_select
from app.insights.compute import InsightsMemo, _compute, compute_insights
from app.insights.csv_export import chart_table, csv_safe, write_chart_csv
from app.insights.report import describe_range, format_report, report_json
from app.insights.results import (
    CHART_KINDS,
    DELAY_BUCKETS,
    EARLY_DELAYS,
    REFUND_KINDS,
    SCORE_BANDS,
    SPEND_KINDS,
    STAGES,
    UNCATEGORISED,
    UNKNOWN_DELAY,
    UNSCORED,
    BalancePoint,
    FunnelStep,
    GroupStats,
    Insights,
    SpendPeriod,
    score_band,
    week_start,
)
from app.insights.summary import (
    FACTS_REBUILD_OVER,
    FACTS_VERSION,
    holds_writes,
    reading,
    refresh_facts,
)
from app.insights.takeaways import (
    EMPTY_HINTS,
    MIN_PROPOSALS,
    TOP_CATEGORIES,
    chart_has_data,
    takeaway,
    takeaway_message,
    top_categories,
)

__all__ = [
    "CALIBRATION_MIN_HIRES",
    "CALIBRATION_MIN_SAMPLE",
    "CALIBRATION_PRIOR_WEIGHT",
    "CALIBRATION_STALE_DAYS",
    "CHART_KINDS",
    "DELAY_BUCKETS",
    "EARLY_DELAYS",
    "EMPTY_HINTS",
    "FACTS_REBUILD_OVER",
    "FACTS_VERSION",
    "RANGE_PRESETS",
    "REFUND_KINDS",
    "SCORE_BANDS",
    "SPEND_KINDS",
    "STAGES",
    "UNCATEGORISED",
    "UNKNOWN_DELAY",
    "UNSCORED",
    "BalancePoint",
    "FunnelStep",
    "GroupStats",
    "Insights",
    "InsightsMemo",
    "SpendPeriod",
    # reached by the summary's tests, which compare it with a computation from scratch
    "_compute",
    "_decode_key",
    "_fact_select",
    "band_outcomes",
    "calibrated_win_rates",
    "chart_has_data",
    "chart_table",
    "compute_insights",
    "csv_safe",
    "day_bounds",
    "describe_range",
    "format_report",
    "has_activity",
    "holds_writes",
    "parse_range_bound",
    "preset_range",
    "profile_choices",
    "member_id_by_name",
    "profile_id_by_name",
    "reading",
    "refresh_facts",
    "report_json",
    "score_band",
    "takeaway",
    "takeaway_message",
    "top_categories",
    "MIN_PROPOSALS",
    "TOP_CATEGORIES",
    "week_start",
    "write_chart_csv",
]
