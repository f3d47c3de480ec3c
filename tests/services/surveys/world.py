"""A program with reps, their manager, enablement and an outsider, for the survey tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from bot.services.surveys.create import SurveyValues, create_survey
from bot.services.surveys.sealing import holding_key
from db.models import Role, Survey
from tests.conftest import SIGNING_SECRET
from tests.factories import add_member, make_person, make_program, make_workspace

KEY = holding_key(SIGNING_SECRET)
ENABLEMENT = "UENABLE"
MANAGER = "UMANAGER"
OUTSIDER = "UOUTSIDER"
RESULTS_CHANNEL = "CRESULTS"


@dataclass(frozen=True)
class World:
    """Ids of what `make_world` created."""

    program_id: int
    reps: tuple[str, ...]  # Slack ids, in order


def rep_ids(count: int) -> tuple[str, ...]:
    """Slack ids of `count` reps."""
    return tuple(f"UREP{n:02d}" for n in range(1, count + 1))


def make_world(
    session: Session, *, reps: int = 12, tz: str = "UTC",
    working_days: tuple[int, ...] = (1, 2, 3, 4, 5), zoned: tuple[tuple[str, str], ...] = (),
) -> World:
    """A program with `reps` reps (one manager), an enablement lead, and someone outside it;
    `zoned` adds reps as (Slack id, time zone)."""
    workspace = make_workspace(session)
    program = make_program(session, workspace, name="FY27 Kickoff",
                           working_days=list(working_days))
    manager = make_person(session, workspace, MANAGER, tz=tz, name="Marta Manager")
    add_member(session, program, manager, Role.MANAGER)
    enablement = make_person(session, workspace, ENABLEMENT, tz=tz, name="Elena Enablement")
    add_member(session, program, enablement, Role.ENABLEMENT)
    make_person(session, workspace, OUTSIDER, tz=tz, name="Oscar Outsider")
    zones = [(slack_id, tz) for slack_id in rep_ids(reps)] + list(zoned)
    for slack_id, zone in zones:
        person = make_person(session, workspace, slack_id, tz=zone, name=f"Rep {slack_id[-2:]}")
        add_member(session, program, person, Role.REP, manager=manager, team="West")
    return World(program_id=program.id, reps=tuple(slack_id for slack_id, _ in zones))


def make_survey(
    session: Session, world: World, *, opens: datetime, closes: datetime, minimum: int = 5,
    audience: str = "reps",
) -> Survey:
    """A survey of the world's reps, created from the shell."""
    values = SurveyValues(
        program_id=world.program_id, title="Kickoff pulse", audience=audience, opens_at=opens,
        closes_at=closes, results_channel=RESULTS_CHANNEL, minimum=minimum,
    )
    return create_survey(session=session, values=values, actor=None, now=opens)
