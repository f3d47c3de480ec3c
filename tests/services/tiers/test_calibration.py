"""Rubric calibration: a request per manager in their working window, private scores, and at
the close enablement's figures (median, spread, who is more than a point off) against a hand
computation, each manager's own standing only, and "not enough scores" below the smallest
group; reps and managers may not start one."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.kinds import DeliveryKind
from bot.errors import InvalidField, NotAllowed
from bot.ids import CalibrationField, CoachingField
from bot.services.actor import Actor
from bot.services.tiers.calibration import record_scores, scoring_form, start_calibration
from bot.services.tiers.calibration_results import (
    calibration_results,
    manager_standing,
    readout_calibration,
)
from db.models import Calibration, Delivery, ProgramStatus
from tests.databases import Database
from tests.services.tiers.world import (
    AFTER_CLOSE,
    CLOSES_ON,
    STARTED,
    World,
    build_world,
    score_values,
)

ADA = Actor("UADA")
LINK = "https://calls.example.com/r/8841"


def start(
    session: Session, world: World, *, at: datetime = STARTED, closes_on: str = CLOSES_ON
) -> Calibration:
    return start_calibration(session=session, program_id=world.program.id, actor=ADA,
                             call_link=LINK, closes_on=closes_on, now=at)


def score(session: Session, calibration: Calibration, world: World, *names: str) -> None:
    for name in names:
        errors = record_scores(session=session, calibration_id=calibration.id,
                               actor=Actor(world.managers[name].slack_user_id),
                               values=score_values(name), now=STARTED)
        assert errors == {}


def test_each_manager_is_asked_once_by_dm_in_their_working_window(database: Database) -> None:
    evening = datetime(2027, 3, 3, 19, tzinfo=UTC)  # after the 08:00-18:00 working hours
    with database.session_factory.begin() as session:
        world = build_world(session)
        calibration = start(session, world, at=evening)
        rows = list(session.scalars(select(Delivery).where(
            Delivery.kind == DeliveryKind.CALIBRATION_REQUEST)))
        assert calibration.closes_at == datetime(2027, 3, 6, tzinfo=UTC)
    assert sorted(row.channel for row in rows) == ["UMANN", "UMBEN", "UMCAT", "UMDAN"]
    assert {row.due_at for row in rows} == {datetime(2027, 3, 4, 8, tzinfo=UTC)}
    assert all(LINK in str(row.blocks) and "UADA" not in str(row.blocks) for row in rows)


def test_four_managers_give_enablement_the_hand_computed_spread_and_outliers(
    database: Database,
) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session)
        calibration = start(session, world)
        score(session, calibration, world, "Ann", "Ben", "Cat", "Dan")
        results = calibration_results(session=session, calibration=calibration, actor=ADA)
        standing = {name: manager_standing(session=session, calibration=calibration,
                                           manager_id=world.managers[name].id)
                    for name in ("Ann", "Cat", "Dan")}
        readout = readout_calibration(session=session, program=world.program, now=AFTER_CLOSE)
    figures = {(f.dimension, f.median, f.spread, f.outliers) for f in results.figures}
    # discovery 3,3,4,1; multi 2,3,3,4; objection 4,4,2,4; next step 3,2,3,3; value 5,1,4,4
    assert figures == {
        ("discovery", 3.0, 3, ("Dan Manager",)),
        ("multi_threading", 3.0, 2, ()),
        ("objection_handling", 4.0, 2, ("Cat Manager",)),
        ("next_step", 3.0, 1, ()),
        ("value_articulation", 4.0, 4, ("Ben Manager",)),
    }
    assert results.scored == 4
    assert standing["Ann"] == dict.fromkeys(
        ("discovery", "multi_threading", "objection_handling", "next_step", "value_articulation"),
        True)
    assert [d for d, ok in (standing["Dan"] or {}).items() if not ok] == ["discovery"]
    assert [d for d, ok in (standing["Cat"] or {}).items() if not ok] == ["objection_handling"]
    assert readout is not None
    assert readout.scorers == 4
    assert readout.spreads == {"discovery": 3, "multi_threading": 2, "objection_handling": 2,
                               "next_step": 1, "value_articulation": 4}
    assert "Dan" not in readout.model_dump_json()  # the channel's read-out names nobody


def test_with_two_scorers_and_a_smallest_group_of_3_managers_see_nothing(
    database: Database,
) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session)
        calibration = start(session, world)
        score(session, calibration, world, "Ann", "Dan")
        standings = [manager_standing(session=session, calibration=calibration,
                                      manager_id=world.managers[name].id)
                     for name in ("Ann", "Dan")]
        readout = readout_calibration(session=session, program=world.program, now=AFTER_CLOSE)
    assert standings == [None, None]
    assert readout is None


def test_a_rep_or_a_manager_may_not_start_one_and_a_rep_may_not_score(
    database: Database,
) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session)
        for who in ("URANN", "UMANN"):
            with pytest.raises(NotAllowed, match="enablement"):
                start_calibration(session=session, program_id=world.program.id,
                                  actor=Actor(who), call_link=LINK, closes_on=CLOSES_ON,
                                  now=STARTED)
        calibration = start(session, world)
        with pytest.raises(NotAllowed, match="managers"):
            scoring_form(session=session, calibration_id=calibration.id, actor=Actor("URANN"),
                         now=STARTED)
        with pytest.raises(NotAllowed, match="enablement"):
            calibration_results(session=session, calibration=calibration, actor=Actor("UMANN"))
        assert session.scalars(select(Calibration)).all() == [calibration]


def test_bad_inputs_name_their_field_and_a_closed_calibration_takes_no_scores(
    database: Database,
) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session)
        with pytest.raises(InvalidField) as link:
            start_calibration(session=session, program_id=world.program.id, actor=ADA,
                              call_link="my call", closes_on=CLOSES_ON, now=STARTED)
        with pytest.raises(InvalidField) as day:
            start_calibration(session=session, program_id=world.program.id, actor=ADA,
                              call_link=LINK, closes_on="2027-03-01", now=STARTED)
        calibration = start(session, world)
        errors = record_scores(session=session, calibration_id=calibration.id,
                               actor=Actor("UMANN"),
                               values={CoachingField.SCORE_DISCOVERY: "9"}, now=STARTED)
        with pytest.raises(NotAllowed, match="closed"):
            record_scores(session=session, calibration_id=calibration.id, actor=Actor("UMANN"),
                          values=score_values("Ann"), now=AFTER_CLOSE)
    assert (link.value.field, day.value.field) == (CalibrationField.CALL_LINK,
                                                   CalibrationField.CLOSES_ON)
    assert len(errors) == 5
    assert errors["score_discovery"] == "Choose a score from 1 to 5."


@pytest.mark.parametrize(("status", "allowed"), [
    (ProgramStatus.DRAFT, False), (ProgramStatus.ENDED, False), (ProgramStatus.ACTIVE, True)])
def test_calibrations_run_from_the_pre_event_phase_until_the_program_ends(
    database: Database, status: ProgramStatus, allowed: bool,
) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session)
        world.program.status = status
        if allowed:  # active before the kickoff: the pre-event phase; and after the read-out
            start(session, world)
            start(session, world, at=datetime(2027, 5, 3, 10, tzinfo=UTC), closes_on="2027-05-07")
            assert len(session.scalars(select(Calibration)).all()) == 2
        else:
            with pytest.raises(NotAllowed, match="until it ends"):
                start(session, world)
