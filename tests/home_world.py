"""A program placed around `LIVE_NOW` (listeners read the clock, moved there) with one person per
role, someone with several roles, and a team of reps; and helpers to open and read App Homes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session

from bot.fakeslack import FakeSlack, SignedSender
from bot.services.coaching.occurrences import materialise_items
from db.models import Person, Program, ProgramStatus, Role, Workspace
from tests.factories import add_member, make_person, make_program, make_workspace
from tests.live import LIVE_DAY, LIVE_NOW, place_clock

MANAGER = "UHMGR"
ENABLEMENT = "UHENA"
LEADER = "UHLEAD"
MULTI = "UHMULTI"  # manager and enablement
OUTSIDER = "UHOUT"
ADMIN = "UADMIN"  # KICKOFF_ADMINS in the test settings
EVERY_DAY = [1, 2, 3, 4, 5, 6, 7]

Json = dict[str, Any]


@dataclass(frozen=True)
class HomeWorld:
    """Ids of the program and people `build_home_world` made (Slack id -> person id)."""

    program_id: int
    workspace_id: int
    people: dict[str, int]
    reps: list[str]


def build_home_world(
    session: Session, fake: FakeSlack, *, reps: int = 3, kickoff: date | None = None,
    status: ProgramStatus = ProgramStatus.ACTIVE,
) -> HomeWorld:
    """An active program (by default in its week 2, so coaching is due this week) where every
    day is a working day; `reps` reps of MANAGER; a leader, enablement, MULTI; an outsider.
    The test's clock is moved to `LIVE_NOW`."""
    place_clock(fake)
    workspace = make_workspace(session)
    program = make_program(session, workspace, kickoff_date=kickoff or LIVE_DAY - timedelta(days=8),
                           event_days=1, working_days=EVERY_DAY, status=status)
    for channel_id, name in ((program.standup_channel, "kickoff-standups"),
                             (program.audit_channel, "kickoff-audit")):
        fake.add_channel(channel_id, name)  # launching and resuming check the bot can post
    people = {ADMIN: _person(session, workspace, fake, ADMIN, "Ada Admin").id}
    manager = _person(session, workspace, fake, MANAGER, "Marcus Reed")
    add_member(session, program, manager, Role.MANAGER)
    people[MANAGER] = manager.id
    for slack_id, roles in ((ENABLEMENT, (Role.ENABLEMENT,)), (LEADER, (Role.LEADER,)),
                            (MULTI, (Role.MANAGER, Role.ENABLEMENT))):
        person = _person(session, workspace, fake, slack_id, f"Person {slack_id[2:].title()}")
        add_member(session, program, person, *roles)
        people[slack_id] = person.id
    rep_ids = [f"UHREP{n:02d}" for n in range(reps)]
    for n, slack_id in enumerate(rep_ids):
        rep = _person(session, workspace, fake, slack_id, f"Rep {n:02d}")
        add_member(session, program, rep, Role.REP, manager=manager)
        people[slack_id] = rep.id
    people[OUTSIDER] = _person(session, workspace, fake, OUTSIDER, "Otto Outside").id
    materialise_items(session=session, program=program, now=LIVE_NOW)
    return HomeWorld(program.id, workspace.id, people, rep_ids)


def _person(
    session: Session, workspace: Workspace, fake: FakeSlack, slack_id: str, name: str
) -> Person:
    fake.add_user(slack_id, real_name=name, email=f"{slack_id.lower()}@example.com")
    return make_person(session, workspace, slack_id, name=name)


def program_of(session: Session, world: HomeWorld) -> Program:
    """The world's program."""
    return session.get_one(Program, world.program_id)


def open_home(slack: SignedSender, user_id: str, *, event_id: str | None = None) -> Json:
    """Open the Home tab as Slack reports it, and return the home published next."""
    fake = slack.fake
    before = len(fake.calls_to("views.publish"))
    response = slack.event({"type": "app_home_opened", "user": user_id, "tab": "home",
                            "channel": f"D{user_id}"}, event_id=event_id)
    assert response.status == 200
    return next_home(fake, user_id, before)


def next_home(fake: FakeSlack, user_id: str, published_before: int) -> Json:
    """The member's home published after `published_before` publishes, once it was (another
    member's home published meanwhile, say a manager's refreshed after a log, does not count)."""
    fake.wait_for(lambda: any(call.params.get("user_id") == user_id
                              for call in fake.calls_to("views.publish")[published_before:]))
    home = fake.home(user_id)
    assert home is not None
    return home


def action_ids(view: Json) -> set[str]:
    """Every action_id of the view's buttons and other elements."""
    ids: set[str] = set()
    for block in view["blocks"]:
        elements = [*block.get("elements", []), block.get("accessory") or {}]
        ids |= {str(element["action_id"]) for element in elements if "action_id" in element}
    return ids


def headers(view: Json) -> list[str]:
    """The text of every header block."""
    return [block["text"]["text"] for block in view["blocks"] if block["type"] == "header"]


def text_of(view: Json) -> str:
    """Every text of the view, one per line (to search what a person reads)."""
    texts: list[str] = []
    for block in view["blocks"]:
        for obj in (block.get("text"), *block.get("elements", []), *block.get("fields", [])):
            if isinstance(obj, dict) and isinstance(obj.get("text"), str):
                texts.append(obj["text"])
    return "\n".join(texts)
