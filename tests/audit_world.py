"""A 30-day program for audit tests: 3 managers and 8 reps in Berlin, with known activity.

Kickoff Monday 11 January 2027 (one event day); four standup days, Tue 12 to Fri 15 January, so
that coaching weeks 2-4 run Monday 18 January to Sunday 7 February (due on Thursdays). ISO weeks
W02 (the kickoff's) to W06 (day 30, 10 February) are audited, each on the next Monday at 09:00
Berlin (08:00 UTC); the read-out is on day 32, Friday 12 February, 09:00 Berlin.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.surveys.templates import enps_questions
from bot.fakeslack import FakeSlack
from bot.services.surveys.questions import add_questions
from db.models import (
    CadenceType,
    CoachingItem,
    Confirmation,
    LoggedStatus,
    OutOfOffice,
    Role,
    StandupAnswer,
    Survey,
    SurveyAudience,
    SurveyItemAnswer,
    SurveyOutcome,
)
from tests.factories import add_member, make_person, make_program, make_workspace

KICKOFF = date(2027, 1, 11)
STANDUP_DAYS = tuple(date(2027, 1, day) for day in (12, 13, 14, 15))
TZ = "Europe/Berlin"
AUDIT_CHANNEL = "CAUDIT"
LEADER = "ULEAD"
MANAGERS = {"UMADA": "Ada Park", "UMBO": "Bo Chen", "UMCY": "Cy Diaz"}
REPS = {
    "UMADA": ("UR1", "UR2", "UR3"),
    "UMBO": ("UR4", "UR5"),
    "UMCY": ("UR6", "UR7", "UR8"),
}
ONE, REVIEW, TERRITORY = (
    CadenceType.ONE_ON_ONE, CadenceType.CALL_REVIEW, CadenceType.TERRITORY_REVIEW,
)
DONE, SKIPPED = LoggedStatus.DONE, LoggedStatus.SKIPPED
# week -> cadence -> rep -> what was logged (nothing: missed, or excused for UR8 in week 2).
COACHING: dict[int, dict[CadenceType, dict[str, tuple[LoggedStatus, int | None]]]] = {
    2: {
        ONE: dict.fromkeys(("UR1", "UR2", "UR3", "UR4", "UR6", "UR7"), (DONE, None)),
        REVIEW: {"UR1": (DONE, 2), "UR2": (DONE, 2), "UR3": (DONE, 3), "UR4": (DONE, 3),
                 "UR5": (SKIPPED, None), "UR6": (DONE, 5), "UR7": (DONE, 4)},
    },
    3: {
        ONE: dict.fromkeys(("UR1", "UR2", "UR3", "UR4", "UR5", "UR6", "UR8"), (DONE, None)),
        TERRITORY: dict.fromkeys(("UR1", "UR2", "UR3", "UR4", "UR6"), (DONE, None)),
    },
    4: {
        ONE: dict.fromkeys(("UR1", "UR2", "UR3", "UR4", "UR5", "UR6", "UR7"), (DONE, None)),
        REVIEW: {"UR1": (DONE, 4), "UR2": (DONE, 4), "UR3": (DONE, 4), "UR4": (DONE, 4),
                 "UR5": (DONE, 5), "UR6": (DONE, 4), "UR7": (SKIPPED, None)},
    },
}
DISPUTED = ("UR7", REVIEW, 2)  # the rep says this call review did not happen
LATE = ("UR7", ONE, 3)  # logged during week 4, after week 3's audit was posted


@dataclass(frozen=True)
class World:
    """Ids of the program and of everyone in it, by Slack id."""

    program_id: int
    workspace_id: int
    people: dict[str, int]


def utc(month: int, day: int, hour: int = 8, minute: int = 0) -> datetime:
    """An instant of 2027 in UTC (08:00 UTC is 09:00 in Berlin in winter)."""
    return datetime(2027, month, day, hour, minute, tzinfo=UTC)


def build_world(session: Session, fake: FakeSlack | None = None, **program: Any) -> World:
    """The program (target 90%), its people, and UR8 out of office all of week 2."""
    workspace = make_workspace(session)
    fields = {"kickoff_date": KICKOFF, "timezone": TZ, "audit_channel": AUDIT_CHANNEL,
              "one_on_one_target": 0.9, "standup_days": 4} | program
    prog = make_program(session, workspace, **fields)
    people: dict[str, int] = {}
    for manager_id, name in MANAGERS.items():
        manager = _person(session, workspace, manager_id, name, fake)
        add_member(session, prog, manager, Role.MANAGER)
        people[manager_id] = manager.id
        for rep_id in REPS[manager_id]:
            rep = _person(session, workspace, rep_id, f"Rep {rep_id[2:]}", fake)
            add_member(session, prog, rep, Role.REP, manager=manager)
            people[rep_id] = rep.id
    leader = _person(session, workspace, LEADER, "Lee Leader", fake)
    add_member(session, prog, leader, Role.LEADER)
    people[LEADER] = leader.id
    session.add(OutOfOffice(person_id=people["UR8"], first_day=date(2027, 1, 18),
                            last_day=date(2027, 1, 22)))
    if fake is not None:
        fake.add_channel(AUDIT_CHANNEL, "kickoff-audit", members=[LEADER])
        fake.add_channel("CSTANDUP", "kickoff-standups", members=list(people))
    return World(program_id=prog.id, workspace_id=workspace.id, people=people)


def _person(session: Session, workspace: Any, slack_id: str, name: str,
            fake: FakeSlack | None) -> Any:
    if fake is not None:
        fake.add_user(slack_id, real_name=name, email=f"{slack_id.lower()}@example.com", tz=TZ)
    return make_person(session, workspace, slack_id, tz=TZ, name=name)


def answer_standups(session: Session, world: World, day: int) -> None:
    """The answers of standup day `day` (1-4): see the module's tests for the totals."""
    answered = {1: "12345678", 2: "12345678", 3: "12345678", 4: "123456"}[day]
    on = STANDUP_DAYS[day - 1]
    for n in answered:
        rep = f"UR{n}"
        session.add(StandupAnswer(
            program_id=world.program_id, person_id=world.people[rep], day_number=day,
            local_date=on, activity="Called 5 accounts", win="Booked a demo",
            blocker=BLOCKERS.get((rep, day)), late=(rep, day) in {("UR2", 1), ("UR4", 2)},
            answered_at=utc(1, on.day, 9),
            manager_id=world.people[_manager_of(rep)] if (rep, day) in BLOCKERS else None,
            blocker_resolved_at=utc(1, 14, 12) if (rep, day) in RESOLVED else None,
        ))
    if day == 5:
        session.add(StandupAnswer(
            program_id=world.program_id, person_id=world.people["UR6"], day_number=5,
            local_date=on, out_today=True, answered_at=utc(1, 18, 9),
        ))


BLOCKERS = {("UR1", 1): "CRM access", ("UR4", 2): "No demo environment", ("UR6", 3): "Pricing"}
RESOLVED = {("UR1", 1), ("UR6", 3)}


def _manager_of(rep: str) -> str:
    return next(manager for manager, reps in REPS.items() if rep in reps)


def log_coaching(session: Session, world: World, week: int) -> None:
    """Log week `week` as COACHING says (LATE is logged later, by the test)."""
    for cadence, logs in COACHING[week].items():
        for rep, (status, score) in logs.items():
            log_item(session, world, rep, cadence, week, status, score)


def log_item(session: Session, world: World, rep: str, cadence: CadenceType, week: int,
             status: LoggedStatus, score: int | None = None) -> None:
    """Log one item as the coaching service stores it (scores: every dimension the same)."""
    item = session.scalars(select(CoachingItem).where(
        CoachingItem.program_id == world.program_id, CoachingItem.rep_id == world.people[rep],
        CoachingItem.cadence == cadence, CoachingItem.week == week,
    )).one()
    item.status = status
    item.held_on = item.due_date if status is DONE else None
    item.skip_reason = "Rep at a customer offsite" if status is SKIPPED else None
    for name in ("discovery", "multi_threading", "objection_handling", "next_step",
                 "value_articulation"):
        setattr(item, f"score_{name}", score)
    item.revision += 1
    if (rep, cadence, week) == DISPUTED:
        item.confirmation = Confirmation.DISPUTED


def publish_survey(session: Session, world: World) -> None:
    """A week-2 pulse that met its minimum: 10 answers, 6 promoters, 2 detractors: eNPS +40."""
    survey = Survey(
        workspace_id=world.workspace_id, program_id=world.program_id, title="Week-2 pulse",
        question="How likely are you to recommend this kickoff?", audience=SurveyAudience.ALL,
        opens_at=utc(1, 26), closes_at=utc(1, 29, 16), results_channel=AUDIT_CHANNEL,
        minimum=5, closed_at=utc(1, 29, 16), audience_size=12, outcome=SurveyOutcome.PUBLISHED,
    )
    session.add(survey)
    session.flush()
    score_question, *_ = add_questions(session, survey, enps_questions(survey.question))
    session.add_all(SurveyItemAnswer(key=f"k{n}", survey_id=survey.id,
                                     question_id=score_question, score=score)
                    for n, score in enumerate((10, 10, 9, 9, 8, 7, 6, 5, 10, 9)))
