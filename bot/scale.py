"""A program of any size with 30 days of activity, written in bulk: for bench/audit.py and the
audit's statement-count tests. One manager per `reps_per_manager` reps, all in Berlin."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from bot.domain.kinds import DeliveryKind
from bot.domain.surveys.templates import enps_questions
from bot.services.coaching.occurrences import active_pairs, occurrences
from bot.services.standups.keys import prompt_key
from bot.services.standups.schedule import standup_days
from bot.services.surveys.questions import add_questions
from db.models import (
    CoachingItem,
    Confirmation,
    Delivery,
    DeliveryStatus,
    LoggedStatus,
    Membership,
    MembershipRole,
    OutOfOffice,
    Person,
    Program,
    ProgramStatus,
    Role,
    StandupAnswer,
    Survey,
    SurveyAudience,
    SurveyItemAnswer,
    SurveyOutcome,
    Workspace,
)

KICKOFF = date(2027, 1, 11)
TZ = "Europe/Berlin"
TEAM_ID = "T0KICKOFF"  # the team the fake Slack server reports


def build_scaled_program(
    session: Session, *, managers: int, reps_per_manager: int = 10, name: str = "Q1 Kickoff"
) -> int:
    """A program with `managers` managers and their reps, and 30 days of activity; its id.
    Several programs may share the workspace (people's Slack ids start with the name's
    initial)."""
    workspace = session.scalars(select(Workspace)).first() or _workspace(session)
    program = _program(session, workspace.id, name)
    prefix = name[0].upper()
    manager_ids = _people(session, workspace.id,
                          [f"U{prefix}M{m:05d}" for m in range(managers)])
    _members(session, program.id, dict.fromkeys(manager_ids), Role.MANAGER)
    reps = {
        rep: manager
        for m, manager in enumerate(manager_ids)
        for rep in _people(session, workspace.id,
                           [f"U{prefix}R{m:05d}{r:02d}" for r in range(reps_per_manager)])
    }
    _members(session, program.id, reps, Role.REP)
    session.add_all(OutOfOffice(person_id=rep, first_day=date(2027, 1, 25),
                                last_day=date(2027, 1, 29)) for rep in list(reps)[::50])
    _coaching_items(session, program)
    _log_coaching(session, program.id)
    _standups(session, program, list(reps))
    _survey(session, program)
    return program.id


def _workspace(session: Session) -> Workspace:
    workspace = Workspace(team_id=TEAM_ID, name="Kickoff Demo")
    session.add(workspace)
    session.flush()
    return workspace


def _program(session: Session, workspace_id: int, name: str) -> Program:
    program = Program(
        workspace_id=workspace_id, name=name, kickoff_date=KICKOFF, timezone=TZ,
        standup_channel="CSTANDUP", audit_channel="CAUDIT", status=ProgramStatus.ACTIVE,
        standup_time=time(9, 0), reminder_time=time(11, 0), working_days=[1, 2, 3, 4, 5],
        holidays=[], standup_days=4,  # Tue-Fri: coaching weeks from Monday 18 January
    )
    session.add(program)
    session.flush()
    return program


def _people(session: Session, workspace_id: int, slack_ids: list[str]) -> list[int]:
    rows = [{"workspace_id": workspace_id, "slack_user_id": slack_id, "name": f"Name {slack_id}",
             "timezone": TZ, "active": True} for slack_id in slack_ids]
    return list(session.scalars(insert(Person).returning(Person.id, sort_by_parameter_order=True),
                                rows))


def _members(
    session: Session, program_id: int, people: Mapping[int, int | None], role: Role
) -> None:
    rows = [{"program_id": program_id, "person_id": person, "manager_id": manager,
             "active": True} for person, manager in people.items()]
    ids = session.scalars(insert(Membership).returning(Membership.id,
                                                       sort_by_parameter_order=True), rows)
    session.execute(insert(MembershipRole), [{"membership_id": i, "role": role} for i in ids])


def _coaching_items(session: Session, program: Program) -> None:
    """The items the coaching planner creates, written as one executemany: the coaching
    feature's `materialise_items` puts them all in one INSERT, which SQLite refuses past about
    600 reps (32,766 bound parameters) and PostgreSQL past about 1,200 (65,535)."""
    created = datetime(2027, 1, 11, tzinfo=UTC)
    session.execute(insert(CoachingItem), [
        {"program_id": program.id, "manager_id": pair.manager_id, "rep_id": pair.rep_id,
         "cadence": o.cadence, "week": o.week, "due_date": o.due_date, "created_at": created}
        for pair in active_pairs(session=session, program_id=program.id)
        for o in occurrences(program)
    ])


def _log_coaching(session: Session, program_id: int) -> None:
    """About 80% held (scored, one in 40 disputed), 10% skipped, the rest missed."""
    ids = session.scalars(select(CoachingItem.id).where(CoachingItem.program_id == program_id)
                          .order_by(CoachingItem.id)).all()
    rows: list[dict[str, Any]] = []
    for n, item_id in enumerate(ids):
        if n % 10 < 8:
            rows.append({"id": item_id, "status": LoggedStatus.DONE, "held_on": KICKOFF,
                         "confirmation": Confirmation.DISPUTED if n % 40 == 0 else None,
                         **{f"score_{d}": 1 + n % 5 for d in _DIMENSIONS}})
        elif n % 10 == 8:
            rows.append({"id": item_id, "status": LoggedStatus.SKIPPED, "skip_reason": "QBR"})
    if rows:
        session.execute(update(CoachingItem), rows)


_DIMENSIONS = ("discovery", "multi_threading", "objection_handling", "next_step",
               "value_articulation")


def _standups(session: Session, program: Program, reps: list[int]) -> None:
    """Every prompt sent; 9 reps in 10 answer, one blocker in 20, most of them resolved."""
    slack_ids = dict(session.execute(select(Person.id, Person.slack_user_id)
                                     .where(Person.id.in_(reps))).all())
    days = standup_days(program)
    at = datetime(2027, 1, 12, 8, tzinfo=UTC)
    session.execute(insert(Delivery), [
        {"workspace_id": program.workspace_id, "program_id": program.id,
         "kind": DeliveryKind.STANDUP_PROMPT,
         "key": prompt_key(program.id, slack_ids[rep], day.number), "person_id": rep,
         "channel": slack_ids[rep], "text": "Day", "due_at": at, "window_end": at,
         "status": DeliveryStatus.SENT, "created_at": at}
        for rep in reps for day in days
    ])
    session.execute(insert(StandupAnswer), [
        {"program_id": program.id, "person_id": rep, "day_number": day.number,
         "local_date": day.date, "activity": "Calls", "win": "A demo", "late": n % 7 == 0,
         "blocker": "Access" if n % 20 == 0 else None, "answered_at": at, "updated_at": at,
         "blocker_resolved_at": at + timedelta(days=1) if n % 60 == 0 else None}
        for n, rep in enumerate(reps) for day in days if (n + day.number) % 10
    ])


def _survey(session: Session, program: Program) -> None:
    closed = datetime(2027, 1, 29, 16, tzinfo=UTC)
    survey = Survey(workspace_id=program.workspace_id, program_id=program.id, title="Pulse",
                    question="Recommend?", audience=SurveyAudience.ALL, opens_at=closed,
                    closes_at=closed, results_channel="CAUDIT", minimum=5, closed_at=closed,
                    audience_size=20, outcome=SurveyOutcome.PUBLISHED)
    session.add(survey)
    session.flush()
    score_question, *_ = add_questions(session, survey, enps_questions(survey.question))
    session.add_all(SurveyItemAnswer(key=f"s{survey.id}-{n}", survey_id=survey.id,
                                     question_id=score_question, score=n % 11)
                    for n in range(20))
