"""A program for the calibration tests: kickoff Monday 8 March 2027 (UTC, every day a working
day), smallest group 3, Ada as enablement and admin, four managers (Ann, Ben, Cat, Dan) with a
rep each, and the scores the tests work out by hand."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy.orm import Session

from bot.fakeslack import FakeSlack
from bot.ids import CoachingField
from db.models import Person, Program, Role
from tests.factories import add_member, make_person, make_program, make_workspace

KICKOFF = date(2027, 3, 8)
STARTED = datetime(2027, 3, 3, 10, tzinfo=UTC)  # Wednesday, pre-event
CLOSES_ON = "2027-03-05"  # closes at the end of Friday 5 March
AFTER_CLOSE = datetime(2027, 3, 6, 9, tzinfo=UTC)
MANAGERS = ("Ann", "Ben", "Cat", "Dan")
# discovery, multi-threading, objection handling, next step, value articulation
SCORES = {
    "Ann": (3, 2, 4, 3, 5),
    "Ben": (3, 3, 4, 2, 1),
    "Cat": (4, 3, 2, 3, 4),
    "Dan": (1, 4, 4, 3, 4),
}
SCORE_FIELDS = (CoachingField.SCORE_DISCOVERY, CoachingField.SCORE_MULTI_THREADING,
                CoachingField.SCORE_OBJECTION_HANDLING, CoachingField.SCORE_NEXT_STEP,
                CoachingField.SCORE_VALUE_ARTICULATION)


@dataclass
class World:
    """The program, Ada, the managers by first name and their reps (UR + name)."""

    program: Program
    ada: Person
    managers: dict[str, Person]
    reps: dict[str, Person]


def build_world(session: Session, fake: FakeSlack | None = None) -> World:
    """The program and its people (users of `fake` too, when given)."""
    workspace = make_workspace(session)

    def person(slack_id: str, name: str) -> Person:
        email = f"{name.split()[0].lower()}@example.com"
        if fake is not None:
            fake.add_user(slack_id, real_name=name, email=email)
        return make_person(session, workspace, slack_id, name=name, email=email)

    program = make_program(session, workspace, kickoff_date=KICKOFF, name="Spring Kickoff",
                           smallest_group=3, working_days=[1, 2, 3, 4, 5, 6, 7])
    ada = person("UADA", "Ada Enable")
    add_member(session, program, ada, Role.ENABLEMENT, Role.ADMIN)
    managers, reps = {}, {}
    for name in MANAGERS:
        managers[name] = person(f"UM{name.upper()}", f"{name} Manager")
        add_member(session, program, managers[name], Role.MANAGER)
        reps[name] = person(f"UR{name.upper()}", f"{name}rep Rep")
        add_member(session, program, reps[name], Role.REP, manager=managers[name])
    return World(program, ada, managers, reps)


def score_values(name: str) -> dict[CoachingField, str | None]:
    """The scoring modal's values of one manager's SCORES."""
    return {field: str(score) for field, score in zip(SCORE_FIELDS, SCORES[name], strict=True)}
