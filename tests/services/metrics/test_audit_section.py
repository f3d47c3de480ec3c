"""The weekly audit's Behaviour section and the read-out's week-4 review, stored with the audit
and shown from what was stored (the 12-rep world; figures worked out in test_figures.py)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import numpy as np
import pytest
from matplotlib.patches import Rectangle
from sqlalchemy.orm import Session

from bot.blocks.metrics_audit import BEAR_CASE
from bot.domain.kinds import DeliveryKind
from bot.services.audit.chart import chart_figure, render_chart
from bot.services.audit.record import record_readout, record_weekly_audit
from bot.services.audit.snapshot import week_numbers_of
from bot.services.coaching.occurrences import materialise_items
from bot.services.metrics.audit_section import WEEKLY, stored_behaviour
from bot.services.metrics.checks import CheckedRow
from bot.services.metrics.store import write_values
from bot.services.outbox import delivery_key
from db.models import AuditSnapshot
from scheduler.plans.audit import AuditPlanner
from scheduler.plans.metrics_audit import behaviour_blocks
from tests.blockkit import assert_valid_blocks
from tests.blocks.test_audit_blocks import three_managers
from tests.databases import Database
from tests.services.metrics.world import World, build_world, load

WEEK_4_MONDAY = date(2027, 4, 5)
AUDIT_TIME = datetime(2027, 4, 12, 0, tzinfo=UTC)


def text_of(blocks: list[dict[str, object]]) -> str:
    return json.dumps(blocks)


def weekly(session: Session, world: World) -> AuditSnapshot:
    snapshot = record_weekly_audit(session=session, program=world.program,
                                   monday=WEEK_4_MONDAY, now=AUDIT_TIME)
    assert snapshot is not None
    return snapshot


def test_the_audit_of_week_4_shows_the_behaviour_section_per_team_and_overall(
    database: Database,
) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session)
        load(session, world)
        blocks = behaviour_blocks(session=session, program=world.program,
                                  snapshot=weekly(session, world))
    assert_valid_blocks(blocks)
    text = text_of(blocks)
    assert "*Behaviour*: week 4 against the baseline" in text
    assert "overall: baseline 30.0, week 4 36.5, +21.8%, held (11 of 12 reps with both)" in text
    assert "team of Mia Manager: baseline 30.0, week 4 36.5, +21.7%, held" in text
    assert "other teams: baseline 30.0, week 4 36.6, +22.0%, held (5 of 6 reps" in text
    assert "Olga" not in text
    assert "Rep " not in text  # no rep is named


def test_the_posted_section_keeps_its_figures_when_data_changes_later(
    database: Database,
) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session)
        load(session, world)
        snapshot = weekly(session, world)
        before = text_of(behaviour_blocks(session=session, program=world.program,
                                          snapshot=snapshot))
        write_values(session=session, program_id=world.program.id,
                     rows=[CheckedRow(world.reps[4].id, "dials", "2027-W14", 90)],
                     source="correction", now=AUDIT_TIME)
        after = text_of(behaviour_blocks(session=session, program=world.program,
                                         snapshot=snapshot))
    assert before == after


def test_the_readout_reviews_week_4_overall_with_the_bear_case_note(database: Database) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session)
        load(session, world)
        snapshot = record_readout(session=session, program=world.program,
                                  week=date(2027, 4, 5), now=datetime(2027, 4, 9, tzinfo=UTC))
        assert snapshot is not None
        blocks = behaviour_blocks(session=session, program=world.program, snapshot=snapshot)
    assert_valid_blocks(blocks)
    text = text_of(blocks)
    assert "*Week-4 review*: behaviour in week 4 against the baseline, as of Fri 09 Apr" in text
    assert "*Slipped close dates (deals a week, lower is better; target -31% on baseline)*" in text
    assert "overall: baseline 2.0, week 4 1.0, -50.0%, held (11 of 12 reps with both)" in text
    assert "team of" not in text
    assert BEAR_CASE in text


def test_the_chart_gains_a_behaviour_panel_with_the_sections_own_figures(
    database: Database,
) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session)
        load(session, world)
        snapshot = weekly(session, world)
        section = text_of(behaviour_blocks(session=session, program=world.program,
                                           snapshot=snapshot))
        figures = stored_behaviour(session=session, program_id=world.program.id, kind=WEEKLY,
                                   week=snapshot.week)
    chart = chart_figure(three_managers(), figures)
    assert chart is not None
    panel = chart.axes[3]
    names = [label.get_text() for label in panel.get_yticklabels()]
    texts = [text.get_text() for text in panel.texts]
    # The metrics with data in week 4, in the section's order (long names shortened).
    assert names == ["Dials per rep per working…", "Discovery calls booked",
                     "Contacts on multi-threade…", "Slipped close dates"]
    assert texts == ["+21.8%, held (target +20% on baseline)",
                     "no baseline (target +20% on baseline)", "no baseline (target 3)",
                     "-50.0%, held (target -31% on baseline)"]
    # The same figures as the section's overall lines, read from the same stored figures.
    assert "overall: baseline 30.0, week 4 36.5, +21.8%, held (11 of 12 reps with both)" in section
    assert "overall: baseline 2.0, week 4 1.0, -50.0%, held (11 of 12 reps with both)" in section
    assert section.count("no baseline yet") == 2
    lifts = {item.metric.key: item.overall.lift.lift_percent for item in figures
             if item.overall is not None}
    bars = [(round(bar.get_y() + bar.get_height() / 2), bar.get_width())
            for bar in panel.patches if isinstance(bar, Rectangle)]
    assert bars == [(0, lifts["dials"]), (3, lifts["slipped_close_dates"])]
    # after the zero line, each target tick from x to x
    targets = [float(np.asarray(line.get_xdata())[0]) for line in panel.lines[1:]]
    assert targets == pytest.approx([20.0, -31.0])
    said = " ".join(names + texts)
    assert "Rep " not in said  # no rep named, nor a team
    assert "Manager" not in said


def test_no_behaviour_panel_without_behaviour_figures() -> None:
    chart = chart_figure(three_managers())
    assert chart is not None
    assert len(chart.axes) == 3


def test_the_audit_files_step_draws_the_panel_from_the_stored_figures(
    database: Database,
) -> None:
    """Through the planner's upload step: with coaching due in week 4, the chart it renders is
    the one with the Behaviour panel (taller by the panel than the coaching panels alone)."""
    with database.session_factory.begin() as session:
        world = build_world(session)
        load(session, world)
        materialise_items(session=session, program=world.program,
                          now=datetime(2027, 3, 1, tzinfo=UTC))  # every week still to come
        snapshot = weekly(session, world)
        key = delivery_key(DeliveryKind.AUDIT_FILES, world.program.id, "audit", snapshot.week)
        [chart] = [file for file in AuditPlanner().files_for(session=session, key=key)
                   if file.role == "chart"]
        figures = stored_behaviour(session=session, program_id=world.program.id, kind=WEEKLY,
                                   week=snapshot.week)
        numbers = week_numbers_of(snapshot)
    assert figures
    assert chart.content == render_chart(numbers, figures)
    assert chart.content != render_chart(numbers)
