"""A week's behaviour figures, computed by hand in the comments.

Twelve reps (teams of 6, 4 and 2: Olga's two are below the smallest group of 5, so Noah's and
Olga's teams show only as "other teams"). Dials baseline: 30 a day in each of the four baseline
weeks (CSV ISO-week rows) for r1-r11; r12 has no baseline. Week 4 (5-11 April):
r1 logs 36 on Mon, Thu, Fri and 0 on Tue and Wed, when out of office: 36;
r2 self-reports the week: 42; r3 self-reports 60, corrected by Mia to 33;
r4's come from the API (a token), 36 a day; r7 39; r5, r6, r8-r11 36; r12 50 (no baseline).
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.orm import Session

from bot.domain.group_size import OTHER_TEAMS
from bot.domain.metrics.arithmetic import Verdict
from bot.domain.metrics.figures import OVERALL, MetricFigures
from bot.services.metrics.csv_import import import_metrics_csv
from bot.services.metrics.figures import behaviour_figures
from db.models import CadenceType, CoachingItem, LoggedStatus
from tests.databases import Database
from tests.services.metrics.world import NOW, World, build_world, csv_of, load


def figures(session: Session, world: World, week: int) -> dict[str, MetricFigures]:
    found = behaviour_figures(session=session, program=world.program, week=week,
                              today=NOW.date())
    return {item.metric.key: item for item in found}


def groups(item: MetricFigures) -> dict[str, tuple[object, ...]]:
    shown = ([item.overall] if item.overall else []) + list(item.teams)
    return {g.group: (g.lift.coverage, g.lift.lift_percent, g.verdict) for g in shown}


def test_week_4_dials_lift_over_matched_reps_per_team_and_overall(database: Database) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session)
        load(session, world)
        dials = figures(session, world, 4)["dials"]
    shown = groups(dials)
    # Overall: r1-r11 matched; (36 + 42 + 33 + 36 + 36 + 36 + 39 + 36 * 4) / (11 * 30)
    # = 402 / 330 = 1.21818: +21.8%, at least +20%: held.
    # Mia's team r1-r6: 219 / 180 = +21.7%. Other teams r7-r12: r12 unmatched, 183 / 150 = +22%.
    assert shown[OVERALL][0] == "11 of 12 reps"
    assert shown[OVERALL][1] == pytest.approx(21.818, abs=1e-3)
    assert shown["team of Mia Manager"][:2] == ("6 of 6 reps", pytest.approx(21.667, abs=1e-3))
    assert shown[OTHER_TEAMS][:2] == ("5 of 6 reps", pytest.approx(22.0))
    assert {verdict for _, _, verdict in shown.values()} == {Verdict.HELD}
    assert "team of Olga Manager" not in shown
    assert "team of Noah Manager" not in shown
    assert dials.reference == ""  # a baseline exists: the source's median is not shown


def test_lower_is_better_slipped_dates_hold_when_they_fall_by_at_least_31_percent(
    database: Database,
) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session)
        load(session, world)
        slipped = figures(session, world, 4)["slipped_close_dates"]
    # Baseline 2 a week, week 4 one each: 11 / 22 = 0.5, -50%, below 0.69: held.
    overall = groups(slipped)[OVERALL]
    assert overall == ("11 of 12 reps", pytest.approx(-50.0), Verdict.HELD)


def test_week_2_from_iso_week_rows_and_metrics_without_baseline(database: Database) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session)
        load(session, world)
        found = figures(session, world, 2)
    # 33 against 30: +10%, short of +20%.
    assert groups(found["dials"])[OVERALL] == ("11 of 12 reps", pytest.approx(10.0),
                                                Verdict.NOT_HELD)
    discovery = found["discovery_calls"]
    assert groups(discovery)[OVERALL] == ("0 of 12 reps", None, Verdict.NO_DATA)
    assert discovery.reference.startswith("4.7 calls a week (source median")


def test_a_figure_from_fewer_matched_reps_than_the_smallest_group_is_not_shown(
    database: Database,
) -> None:
    # Only r1 and r2 have discovery calls in the baseline and in week 4: their mean would be
    # theirs alone, so neither the overall nor Mia's team is shown.
    rows = [f"r{n}@example.com,discovery_calls,{week},{n}" for n in (1, 2)
            for week in ("2027-W09", "2027-W14")]
    with database.session_factory.begin() as session:
        world = build_world(session)
        import_metrics_csv(session=session, program=world.program, content=csv_of(*rows),
                           now=NOW)
        discovery = figures(session, world, 4)["discovery_calls"]
    assert (discovery.overall, discovery.teams, discovery.matched) == (None, (), 2)
    assert discovery.withheld == 3  # every team: none has 5 reps with both
    assert discovery.reference == ""


def test_derived_metrics_come_from_the_coaching_log(database: Database) -> None:
    # Mia's six reps: a baseline objection score of 3 imported; in week 4 a call review held on
    # Tuesday 6 April, scored 4 (5 for r1); each rep also a 1:1 done that week (2 sessions).
    rows = [f"r{n}@example.com,objection_score,2027-W09,3" for n in range(1, 7)]
    rows += [f"r{n}@example.com,coaching_sessions,2027-W09,1" for n in range(1, 7)]
    with database.session_factory.begin() as session:
        world = build_world(session)
        import_metrics_csv(session=session, program=world.program, content=csv_of(*rows),
                           now=NOW)
        for n, rep in enumerate(world.reps[:6], start=1):
            for cadence, score in ((CadenceType.CALL_REVIEW, 5 if n == 1 else 4),
                                   (CadenceType.ONE_ON_ONE, None)):
                session.add(CoachingItem(
                    program_id=world.program.id, manager_id=world.managers["Mia"].id,
                    rep_id=rep.id, cadence=cadence, week=4, due_date=date(2027, 4, 8),
                    status=LoggedStatus.DONE, held_on=date(2027, 4, 6),
                    score_objection_handling=score))
        session.flush()
        found = figures(session, world, 4)
    # Objection: (5 + 4 * 5) / 6 = 4.17 against 3, at least 4: held. Sessions: 12 / 6 = 2 a rep,
    # short of 3. 1:1 completion has no baseline.
    assert groups(found["objection_score"])[OVERALL] == (
        "6 of 12 reps", pytest.approx(38.889, abs=1e-3), Verdict.HELD)
    assert groups(found["coaching_sessions"])[OVERALL] == (
        "6 of 12 reps", pytest.approx(100.0), Verdict.NOT_HELD)
    assert groups(found["one_on_one_completion"])[OVERALL] == ("0 of 12 reps", None,
                                                               Verdict.NO_BASELINE)
