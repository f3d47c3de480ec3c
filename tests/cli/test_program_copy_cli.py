"""`kickoff-bot program copy`: the next kickoff as a draft with every setting, the metric
settings, the survey templates, the certifications and the break-even inputs, the roster
re-resolved in Slack (a deactivated rep dropped); nothing answered, planned or scored comes along,
and the draft sends nothing before it is launched."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.cli import main
from bot.clock import SystemClock
from bot.domain.program_spec import spec_of
from bot.fakeslack import FakeSlack
from bot.services.audit.record import record_readout
from bot.services.coaching.occurrences import materialise_items
from bot.services.ledger.break_even import break_even_of, set_break_even
from db.models import (
    AttemptStatus,
    AuditSnapshot,
    Certification,
    CertificationAttempt,
    CertificationQuestion,
    CertificationStage,
    CoachingItem,
    Delivery,
    DeliveryStatus,
    Membership,
    MetricSnapshot,
    MetricValue,
    Program,
    ProgramMetric,
    ProgramStatus,
    StandupAnswer,
    Survey,
    SurveyItemAnswer,
    SurveyQuestion,
    SurveyTemplate,
)
from scheduler.dispatcher import Dispatcher
from tests.audit_world import answer_standups, build_world, log_coaching, publish_survey, utc
from tests.cli.shell import shell_environment
from tests.databases import Database

NEXT = date(2027, 4, 12)  # the copy's kickoff, a Monday: 13 weeks after Q1's
SHIFT = NEXT - date(2027, 1, 11)


def _setup(session: Session) -> int:
    """Q1 Kickoff run to its read-out, with settings of every kind to carry."""
    world = build_world(session, None, smallest_group=6, retention_days=90, readout_day=35,
                        standup_time=time(8, 30), holidays=["2027-01-13", "2027-05-03"])
    program = session.get_one(Program, world.program_id)
    materialise_items(session=session, program=program, now=utc(1, 11))
    answer_standups(session, world, 1)
    log_coaching(session, world, 2)
    publish_survey(session, world)
    gap = Survey(workspace_id=world.workspace_id, program_id=program.id, title="Gap survey",
                 question="", audience="reps", template=SurveyTemplate.CUSTOM,
                 opens_at=utc(1, 1), closes_at=utc(1, 5), results_channel="CAUDIT", minimum=5)
    session.add(gap)
    session.flush()
    session.add(SurveyQuestion(survey_id=gap.id, position=0, kind="likert",
                               prompt="My tools get out of my way.", low_label="No",
                               high_label="Yes"))
    session.add(ProgramMetric(program_id=program.id, key="dials", name="Dials", unit="a day",
                              direction="higher is better", weekly="mean per working day",
                              owner="each manager", stage="lead", target_kind="relative",
                              target_value=1.3))
    session.add(MetricValue(program_id=program.id, person_id=world.people["UR1"],
                            metric="q1_attainment", period="2027-W01", value=80,
                            source="import"))
    # reviewed by UR3, who is deactivated before the copy: each rep's manager reviews instead
    cert = Certification(workspace_id=world.workspace_id, program_id=program.id, name="Pricing",
                         stage=CertificationStage.POST_EVENT, opens_day=3, due_day=14,
                         attempts=2, pass_percent=75, draw=None, talk_track="Pitch it.",
                         talk_track_minimum=3.5, dimensions=["value_articulation"],
                         reviewer_id=world.people["UR3"])
    session.add(cert)
    session.flush()
    session.add(CertificationQuestion(certification_id=cert.id, position=0,
                                      prompt="Which tier has SSO?", options=["Team", "Enterprise"],
                                      answer=1))
    session.add(CertificationAttempt(program_id=program.id, certification_id=cert.id,
                                     person_id=world.people["UR1"], number=1, drawn=[],
                                     status=AttemptStatus.PASSED, started_at=utc(1, 20)))
    set_break_even(session=session, program=program, event_cost=500_000, reps=100,
                   quota=1_000_000, period="annual")
    record_readout(session=session, program=program, week=date(2027, 2, 15), now=utc(2, 15))
    return program.id


@pytest.fixture
def shell(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake_slack: FakeSlack,
          database: Database, clock: SystemClock) -> int:
    """The shell in March 2027; Q1 Kickoff's rep UR3 deactivated in Slack since."""
    clock.move_to(utc(3, 1))
    shell_environment(monkeypatch, tmp_path, fake_slack, database)
    with database.session_factory.begin() as session:
        program_id = _setup(session)
        for member in session.get_one(Program, program_id).memberships:
            person = member.person
            fake_slack.add_user(person.slack_user_id, real_name=person.name, tz="Europe/Berlin")
    fake_slack.update_user("UR3", deleted=True)
    return program_id


def copy_of(session: Session) -> Program:
    """The draft the command made."""
    return session.scalars(select(Program).where(Program.name == "Q2 Kickoff")).one()


def count(session: Session, model: Any, program_id: int) -> int:
    """Rows of `model` belonging to the program."""
    return session.scalar(select(func.count()).select_from(model).where(
        model.program_id == program_id)) or 0


def roster(session: Session, program_id: int) -> set[tuple[str, frozenset[str], str | None]]:
    """(Slack id, roles, manager's Slack id) of every active member."""
    members = session.scalars(select(Membership).where(Membership.program_id == program_id))
    return {(m.person.slack_user_id, frozenset(m.roles),
             m.manager.slack_user_id if m.manager else None) for m in members if m.active}


def test_the_copy_carries_every_setting_and_drops_the_deactivated_rep(
    shell: int, database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["program", "copy", "Q1 Kickoff", "--name", "Q2 Kickoff",
                 "--kickoff-date", NEXT.isoformat()]) == 0
    out = capsys.readouterr().out
    assert "Created the draft 'Q2 Kickoff'" in out
    assert "Dropped (no longer active in Slack): Rep 3." in out
    with database.session_factory() as session:
        source, copy = session.get_one(Program, shell), copy_of(session)
        assert copy.status is ProgramStatus.DRAFT
        assert spec_of(copy).model_dump() == spec_of(source).model_dump() | {
            "name": "Q2 Kickoff", "kickoff_date": NEXT, "holidays": (date(2027, 5, 3),)}
        assert (copy.smallest_group, copy.retention_days) == (6, 90)
        assert roster(session, copy.id) == {
            row for row in roster(session, source.id) if row[0] != "UR3"}
        metrics = session.scalars(select(ProgramMetric).where(
            ProgramMetric.program_id == copy.id)).all()
        assert [(m.key, m.target_value) for m in metrics] == [("dials", 1.3)]
        surveys = session.scalars(select(Survey).where(Survey.program_id == copy.id)
                                  .order_by(Survey.id)).all()
        originals = session.scalars(select(Survey).where(Survey.program_id == source.id)
                                    .order_by(Survey.id)).all()
        assert [(s.title, s.opens_at, s.closes_at) for s in surveys] == [
            (s.title, s.opens_at + SHIFT, s.closes_at + SHIFT) for s in originals]
        assert all(s.outcome is None and s.closed_at is None for s in surveys)
        [question] = session.scalars(select(SurveyQuestion).where(
            SurveyQuestion.survey_id == surveys[1].id)).all()
        assert question.prompt == "My tools get out of my way."
        assert break_even_of(session=session, program_id=copy.id) == break_even_of(
            session=session, program_id=source.id)
        [cert] = session.scalars(select(Certification).where(
            Certification.program_id == copy.id)).all()
        assert (cert.name, cert.stage, cert.opens_day, cert.due_day, cert.attempts,
                cert.pass_percent, cert.talk_track, cert.talk_track_minimum, cert.dimensions,
                cert.reviewer_id) == ("Pricing", CertificationStage.POST_EVENT, 3, 14, 2, 75,
                                      "Pitch it.", 3.5, ["value_articulation"], None)
        [pool] = session.scalars(select(CertificationQuestion).where(
            CertificationQuestion.certification_id == cert.id)).all()
        assert (pool.prompt, pool.options, pool.answer) == (
            "Which tier has SSO?", ["Team", "Enterprise"], 1)


def test_nothing_answered_planned_or_scored_is_copied_and_nothing_is_sent_before_launch(
    shell: int, database: Database, dispatcher: Dispatcher
) -> None:
    assert main(["program", "copy", "Q1 Kickoff", "--name", "Q2 Kickoff",
                 "--kickoff-date", NEXT.isoformat()]) == 0
    # Every day of the copy's schedule, from its surveys' opening to past its read-out.
    for day in range(-14, 40):
        dispatcher.tick(now=datetime.combine(NEXT + timedelta(days=day), time(8)).replace(
            tzinfo=utc(1, 1).tzinfo))
    with database.session_factory() as session:
        copy = copy_of(session)
        for model in (MetricValue, StandupAnswer, CoachingItem, AuditSnapshot, MetricSnapshot,
                      CertificationAttempt):
            assert count(session, model, copy.id) == 0, model.__name__
        # A planner may plan (a survey's results at its closing); the lifecycle holds it back.
        outcomes = session.execute(select(Delivery.status, Delivery.error).where(
            Delivery.program_id == copy.id)).all()
        assert {(status, error) for status, error in outcomes} <= {
            (DeliveryStatus.CANCELLED, "not sent while the program is draft")}
        assert count(session, MetricValue, shell) == 1  # the source keeps its own
        assert count(session, CertificationAttempt, shell) == 1
        survey_ids = select(Survey.id).where(Survey.program_id == copy.id)
        assert session.scalar(select(func.count()).select_from(SurveyItemAnswer).where(
            SurveyItemAnswer.survey_id.in_(survey_ids))) == 0
