"""The read-out's gap comparison: per item the pre and post means and the change, over the whole
audience with the counts (checked by hand), or which run missed its minimum."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from sqlalchemy.orm import Session

from bot.blocks.audit_readout import build_readout_message
from bot.services.audit.readout import compute_readout
from bot.services.surveys.answer import record_answer
from bot.services.surveys.close import close_survey
from bot.services.surveys.gap import gap_change, schedule_gap_surveys
from db.models import Program, Survey
from tests.databases import Database
from tests.services.surveys.world import KEY, RESULTS_CHANNEL, make_world

KICKOFF = date(2027, 3, 1)
CREATED = datetime(2027, 1, 20, 12, 0, tzinfo=UTC)
PRE = [(1, 2, 3, 2, 2), (2, 2, 3, 3, 1), (2, 3, 3, 2, 2), (1, 2, 4, 2, 3), (3, 2, 3, 2, 2)]
POST = [(3, 2, 4, 3, 3), (4, 3, 4, 3, 2), (3, 3, 4, 4, 3), (2, 3, 4, 3, 4), (4, 4, 4, 3, 3),
        (3, 3, 3, 3, 3)]


def run(session: Session, survey: Survey, reps: tuple[str, ...],
        answers: Sequence[tuple[int, ...]]) -> None:
    """The reps answer the run, which then closes."""
    during = survey.opens_at + timedelta(hours=1)
    for rep, scores in zip(reps, answers, strict=False):
        record_answer(session=session, survey_id=survey.id, slack_user_id=rep,
                      answer=(*scores, None), now=during, key=KEY)
    close_survey(session=session, survey_id=survey.id, now=survey.closes_at, key=KEY)


def program_with_gap_runs(session: Session) -> tuple[Program, list[Survey], tuple[str, ...]]:
    world = make_world(session)
    program = session.get(Program, world.program_id)
    assert program is not None
    program.kickoff_date = KICKOFF
    surveys = schedule_gap_surveys(session=session, program=program,
                                   results_channel=RESULTS_CHANNEL, actor=None, now=CREATED)
    return program, surveys, world.reps


def test_the_readout_compares_each_item_before_and_after(database: Database) -> None:
    with database.session_factory.begin() as session:
        program, (before, after), reps = program_with_gap_runs(session)
        run(session, before, reps, PRE)
        run(session, after, reps, POST)
        readout_at = after.closes_at + timedelta(hours=7)
        gap = gap_change(session=session, program=program, now=readout_at)
        blocks = build_readout_message(compute_readout(session=session, program=program,
                                                       now=readout_at))
    assert gap is not None
    assert gap.missing == []
    skills = gap.items[0]
    # Before: (1+2+2+1+3)/5 = 1.8; after: (3+4+3+2+4+3)/6 = 19/6 = 3.17 -> 3.2; change +1.4.
    assert (skills.pre, skills.post, skills.change) == (Decimal("1.8"), Decimal("3.2"),
                                                        Decimal("1.4"))
    assert (skills.pre_count, skills.post_count) == (5, 6)
    confidence = gap.items[4]  # (2+1+2+3+2)/5 = 2.0; (3+2+3+4+3+3)/6 = 3.0
    assert (confidence.pre, confidence.post) == (Decimal("2.0"), Decimal("3.0"))
    assert len(gap.items) == 5  # the free text has no mean
    shown = str(blocks)
    assert "My skills cover what this year's plan asks of me. 1.8 → 3.2 (+1.4; 5 then 6 " \
           "answers)" in shown


def test_a_run_below_its_minimum_is_named_and_nothing_compared(database: Database) -> None:
    with database.session_factory.begin() as session:
        program, (before, after), reps = program_with_gap_runs(session)
        run(session, before, reps, PRE[:4])  # 4 of a minimum of 5
        run(session, after, reps, POST)
        gap = gap_change(session=session, program=program,
                         now=after.closes_at + timedelta(hours=7))
    assert gap is not None
    assert gap.items == []
    assert gap.missing == ["the gap survey before the kickoff missed its minimum of 5 responses"]


def test_no_gap_survey_no_section(database: Database) -> None:
    with database.session_factory.begin() as session:
        world = make_world(session)
        program = session.get(Program, world.program_id)
        assert program is not None
        assert gap_change(session=session, program=program, now=CREATED) is None
