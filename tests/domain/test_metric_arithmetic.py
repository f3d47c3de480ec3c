"""The defined arithmetic, with figures computed by hand in the comments."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from bot.domain.metrics.arithmetic import (
    CORRECTION,
    PRE_EVENT,
    SELF_REPORT,
    RepFigures,
    Verdict,
    baseline_value,
    group_lift,
    prefer,
    verdict,
    week_value,
)
from bot.domain.metrics.definitions import (
    DEFAULT_METRICS,
    MetricDefinition,
    Weekly,
    default_metric,
)
from bot.domain.metrics.figures import (
    OVERALL,
    GroupFigure,
    MetricFigures,
    figures_from_json,
    figures_json,
)

MONDAY = date(2027, 4, 5)
DAYS = [date(2027, 4, 5 + n) for n in range(5)]
AT = datetime(2027, 4, 9, 16, tzinfo=UTC)


def metric(key: str) -> MetricDefinition:
    found = default_metric(key)
    assert found is not None
    return found


def test_a_per_day_metric_is_the_mean_over_working_days_with_data_out_of_office_excluded() -> None:
    # Mon 40, Tue 50, Wed out of office (logged 0), Thu 30, Fri no data: (40 + 50 + 30) / 3 = 40.
    dated = [(DAYS[0], 40.0), (DAYS[1], 50.0), (DAYS[2], 0.0), (DAYS[3], 30.0)]
    assert week_value(Weekly.DAY_MEAN, dated=dated, whole=[],
                      counted=lambda day: day != DAYS[2]) == 40.0


def test_a_per_day_metric_with_only_a_week_row_takes_its_value() -> None:
    assert week_value(Weekly.DAY_MEAN, dated=[], whole=[36.0], counted=lambda day: True) == 36.0
    assert week_value(Weekly.DAY_MEAN, dated=[], whole=[], counted=lambda day: True) is None


def test_a_summed_metric_adds_dated_and_week_rows_and_a_mean_metric_averages_them() -> None:
    dated = [(DAYS[0], 2.0), (DAYS[3], 1.0)]
    assert week_value(Weekly.SUM, dated=dated, whole=[3.0], counted=lambda day: False) == 6.0
    assert week_value(Weekly.MEAN, dated=[(DAYS[0], 3.0)], whole=[4.0],
                      counted=lambda day: True) == 3.5


def test_the_baseline_is_the_mean_of_the_weeks_with_data() -> None:
    assert baseline_value([30.0, None, 36.0, None]) == 33.0
    assert baseline_value([None, None]) is None


def test_a_correction_beats_every_source_and_the_latest_wins_among_equals() -> None:
    def kept(*rows: tuple[str, float]) -> float:
        held = None
        for source, value in rows:  # oldest first
            held = prefer(held, source, value)
        assert held is not None
        return held[1]

    assert kept((CORRECTION, 35), ("import", 38), (SELF_REPORT, 40), (PRE_EVENT, 30)) == 35
    assert kept((PRE_EVENT, 30), (SELF_REPORT, 40), ("import", 38), ("api:crm", 39)) == 39
    assert kept((SELF_REPORT, 40), (PRE_EVENT, 30)) == 40


def test_team_lift_is_the_ratio_of_sums_over_matched_reps_with_coverage() -> None:
    # Matched: (30 -> 36) and (40 -> 42): (36 + 42) / (30 + 40) = 78 / 70, +11.43%.
    reps = [RepFigures(30, 36), RepFigures(40, 42), RepFigures(None, 50), RepFigures(35, None)]
    lift = group_lift(reps)
    assert (lift.matched, lift.reps, lift.coverage) == (2, 4, "2 of 4 reps")
    assert lift.lift_percent == pytest.approx(11.4286, abs=1e-4)
    # +11% misses the +20% target for dials.
    assert verdict(metric("dials"), lift) is Verdict.NOT_HELD


def test_a_rep_without_a_baseline_is_no_baseline_never_infinite() -> None:
    assert RepFigures(None, 50).ratio is None
    assert RepFigures(0, 5).ratio is None
    lift = group_lift([RepFigures(None, 50), RepFigures(None, 44)])
    assert (lift.ratio, lift.lift_percent) == (None, None)
    assert verdict(metric("dials"), lift) is Verdict.NO_BASELINE
    assert verdict(metric("dials"), group_lift([RepFigures(30, None)])) is Verdict.NO_DATA


def test_lower_is_better_holds_at_or_below_the_factor() -> None:
    # Slipped dates 10 + 6 = 16 before, 5 + 6 = 11 in week 4: 11 / 16 = 0.6875, below 0.69.
    held = group_lift([RepFigures(10, 5), RepFigures(6, 6)])
    assert held.lift_percent == pytest.approx(-31.25)
    assert verdict(metric("slipped_close_dates"), held) is Verdict.HELD
    # 12 / 16 = 0.75: a fall, but not to the target.
    assert verdict(metric("slipped_close_dates"),
                   group_lift([RepFigures(10, 6), RepFigures(6, 6)])) is Verdict.NOT_HELD


def test_absolute_and_points_targets() -> None:
    # Objection score: matched means 3.0 -> 4.0 reaches 4 of 5; 3.5 would not.
    assert verdict(metric("objection_score"),
                   group_lift([RepFigures(3, 4), RepFigures(3, 4)])) is Verdict.HELD
    assert verdict(metric("objection_score"),
                   group_lift([RepFigures(3, 4), RepFigures(3, 3)])) is Verdict.NOT_HELD
    # Attainment: 90 -> 94 is +4 points, short of +5; 90 -> 95 holds.
    assert verdict(metric("q1_attainment"), group_lift([RepFigures(90, 94)])) is Verdict.NOT_HELD
    assert verdict(metric("q1_attainment"), group_lift([RepFigures(90, 95)])) is Verdict.HELD


def test_the_defaults_follow_the_source_table() -> None:
    targets = {m.key: m.target.text() for m in DEFAULT_METRICS}
    assert targets["dials"] == "+20% on baseline"
    assert targets["pipeline_created"] == "+15% on baseline"
    assert targets["slipped_close_dates"] == "-31% on baseline"
    assert targets["objection_score"] == "4"
    assert targets["q1_attainment"] == "+5 points on baseline"
    assert (metric("dials").reference, metric("discovery_calls").reference) == (35, 4.7)
    assert "above the program's own cadence" in metric("coaching_sessions").note


def test_figures_stored_as_json_read_back_the_same() -> None:
    lift = group_lift([RepFigures(30, 36), RepFigures(None, 50)])
    figures = (MetricFigures(metric("dials"), 4, GroupFigure(OVERALL, lift, Verdict.HELD),
                             (GroupFigure("team of Mia", lift, Verdict.HELD),), withheld=1,
                             reps=2, matched=1),)
    stored = json.loads(json.dumps(figures_json(figures)))
    assert figures_from_json(stored) == figures
