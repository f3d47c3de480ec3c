"""Demo scene: enablement's anonymous eNPS survey in week 4, from creation to results. Runs on
the demo's simulated clock, so it calls the services the listeners and the dispatcher call, with
an explicit `now`, and shows what the database holds along the way."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.blocks.survey import build_answer_modal, build_thank_you_view
from bot.demo.stage import Stage, shell
from bot.demo.transcript import render_blocks
from bot.domain.kinds import DeliveryKind
from bot.domain.local_time import zone
from bot.domain.surveys.content import AnswerContent
from bot.services.programs import find_program
from bot.services.surveys.answer import record_answer
from bot.services.surveys.sealing import holding_key
from db.models import (
    Delivery,
    Person,
    ProgramStatus,
    Survey,
    SurveyAnswer,
    SurveyParticipation,
    SurveyPendingAnswer,
)
from scheduler.planning import plan_all
from scheduler.plans.surveys import SurveyPlanner

OPENS, CLOSES = "2027-03-29 17:30", "2027-04-02 12:00"  # New York time, the program's zone
ANSWERS = {  # five of the seven reps answer; Olivia and Aroha do not
    "U0ANA": AnswerContent(9, "Talk tracks I actually use on calls",
                           kill="The hour-long roadmap deep-dive"),
    "U0BEN": AnswerContent(7, broken="Logging coaching plans in the CRM takes too long"),
    "U0ARJ": AnswerContent(10, "My manager reviews a recorded call with me every week"),
    "U0LEN": AnswerContent(8, kill="Top performer awards at the event"),
    "U0JON": AnswerContent(3, broken="Territory questions are still open <!channel>"),
}


def scene(stage: Stage, *, program_name: str) -> None:
    """Elena creates a survey; invitations land in each rep's morning; five answer; the reminder
    goes to the other two; at closing the results reach the leadership channel."""
    print("\n=== Enablement: an anonymous eNPS survey ===")
    with stage.runtime.session_factory() as session:
        program = find_program(session=session, workspace=stage.runtime.workspace(session),
                               ref=program_name)
        if program.status is not ProgramStatus.ACTIVE:
            print(f"\n  ({program_name} is {program.status}: launch it to see the survey.)")
            return
    shell(["survey", "create", "--program", program_name, "--title", "Week-4 pulse",
           "--audience", "reps", "--opens", OPENS, "--closes", CLOSES,
           "--results-channel", "C0AUDIT"])
    planner, key = SurveyPlanner(stage.settings), holding_key(stage.settings.signing_secret())
    with stage.runtime.session_factory.begin() as session:
        survey = session.scalars(select(Survey).order_by(Survey.id.desc())).first()
        assert survey is not None
        _invite(session, planner, survey)
        _answer(session, survey, key)
        _remind_and_close(session, planner, survey)
    shell(["survey", "results", str(survey.id)])


def _invite(session: Session, planner: SurveyPlanner, survey: Survey) -> None:
    plan_all(session, [planner], now=survey.opens_at)
    print("\n  It opens Monday 17:30 in New York; each rep gets the DM in their own working hours:")
    for row, person in _rows(session, DeliveryKind.SURVEY_INVITE):
        print(f"    {person.name:<14} {_local(row.due_at, person.timezone)}")
    invites = select(Delivery).where(Delivery.kind == DeliveryKind.SURVEY_INVITE)
    first = session.scalars(invites).first()
    assert first is not None
    _print(render_blocks(first.blocks or []))


def _answer(session: Session, survey: Survey, key: bytes) -> None:
    print("\n  Ana clicks \"Answer anonymously\" and sees:")
    _print(render_blocks([b for b in build_answer_modal(survey)["blocks"]
                          if b["type"] != "input"]))
    moment = survey.opens_at + timedelta(hours=16)
    for number, (slack_id, answer) in enumerate(ANSWERS.items(), start=1):
        record_answer(session=session, survey_id=survey.id, slack_user_id=slack_id,
                      answer=answer, now=moment + timedelta(hours=number), key=key)
        if number in (1, len(ANSWERS)):
            print(f"\n  After {number} answer(s) the database holds: {_holdings(session)}")
    print("\n  Each person who answers sees, instead of the form:")
    _print(render_blocks(build_thank_you_view()["blocks"]))


def _remind_and_close(session: Session, planner: SurveyPlanner, survey: Survey) -> None:
    plan_all(session, [planner], now=survey.closes_at - timedelta(days=1))
    print("\n  A day before closing, the reminder goes only to those who had not answered:")
    for row, person in _rows(session, DeliveryKind.SURVEY_REMINDER):
        print(f"    {person.name:<14} {_local(row.due_at, person.timezone)}")
    plan_all(session, [planner], now=survey.closes_at)
    print(f"\n  At closing every answer is written at once, shuffled, in one transaction with the "
          f"\"has answered\" records: {_holdings(session)}. The results channel gets:")
    for row in session.scalars(select(Delivery).where(Delivery.kind == "survey_results")):
        _print(render_blocks(row.blocks or []))


def _rows(session: Session, kind: str) -> list[tuple[Delivery, Person]]:
    query = (select(Delivery, Person).join(Person, Person.id == Delivery.person_id)
             .where(Delivery.kind == kind).order_by(Delivery.due_at, Person.name))
    return [(row, person) for row, person in session.execute(query)]


def _holdings(session: Session) -> str:
    def count(model: type[SurveyParticipation | SurveyPendingAnswer | SurveyAnswer]) -> int:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)

    return (f"{count(SurveyParticipation)} \"has answered\" records, "
            f"{count(SurveyPendingAnswer)} sealed answers waiting, "
            f"{count(SurveyAnswer)} readable answers (no names, no times)")


def _local(instant: datetime, tz: str) -> str:
    return f"{instant.astimezone(zone(tz)):%a %d %b %H:%M} ({tz})"


def _print(lines: list[str]) -> None:
    for line in lines:
        print(line)
