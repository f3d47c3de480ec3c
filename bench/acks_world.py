"""The acks benchmark's workspace: reps in five time zones and their managers, in a program whose
week-1 standup is open today, made as sales ops would (program create, roster import, launch)."""

from __future__ import annotations

from datetime import timedelta

from bot.cli.runtime import Runtime
from bot.clock import system_clock
from bot.fakeslack import FakeSlack
from bot.services.launch import move_program
from bot.services.programs import create_program
from bot.services.roster import import_roster
from bot.slack.directory import SlackDirectory

STANDUP_CHANNEL = "C0ACKSTAND"
AUDIT_CHANNEL = "C0ACKAUDIT"
# Every local date is within a day of UTC's, so each rep's today is one of the five standup days.
ZONES = ("America/Los_Angeles", "America/New_York", "Europe/Berlin", "Asia/Kolkata",
         "Australia/Sydney")
REPS_PER_MANAGER = 8


def rep_ids(count: int) -> list[str]:
    """The Slack ids of `count` reps."""
    return [f"U0REP{n:03d}" for n in range(count)]


def _managers(reps: int) -> list[str]:
    return [f"U0MGR{n:02d}" for n in range(-(-reps // REPS_PER_MANAGER))]


def populate(fake: FakeSlack, reps: int) -> None:
    """The reps, their managers and the program's two channels, in the fake workspace."""
    people = _managers(reps) + rep_ids(reps)
    for n, user_id in enumerate(people):
        fake.add_user(user_id, real_name=f"Person {user_id[2:]}",
                      email=f"{user_id.lower()}@example.com", tz=ZONES[n % len(ZONES)])
    for channel_id, name in ((STANDUP_CHANNEL, "kickoff-standups"), (AUDIT_CHANNEL, "leaders")):
        fake.add_channel(channel_id, name, members=people)


def roster_csv(reps: int) -> bytes:
    """The roster file: every rep with a manager and a team."""
    managers = _managers(reps)
    lines = ["email;role;manager;team"]
    lines += [f"{m.lower()}@example.com;manager;;Team {n}" for n, m in enumerate(managers)]
    for n, rep in enumerate(rep_ids(reps)):
        team = n // REPS_PER_MANAGER
        lines.append(f"{rep.lower()}@example.com;rep;{managers[team].lower()}@example.com;"
                     f"Team {team}")
    return ("\n".join(lines) + "\n").encode()


def build_program(runtime: Runtime, reps: int) -> None:
    """Create the program (kickoff three days ago, every day a working day), import the roster
    and launch it."""
    now = system_clock().now()
    values = {
        "name": "FY27 Kickoff",
        "kickoff_date": now.date() - timedelta(days=3),
        "event_days": 1,
        "standup_channel": STANDUP_CHANNEL,
        "audit_channel": AUDIT_CHANNEL,
        "working_days": (1, 2, 3, 4, 5, 6, 7),
    }
    with runtime.session_factory.begin() as session:
        workspace = runtime.workspace(session)
        program = create_program(session=session, workspace=workspace, values=values,
                                 today=now.date())
        import_roster(session=session, program=program, content=roster_csv(reps),
                      directory=SlackDirectory(runtime.client), now=now)
        move_program(session=session, program=program, action="launch", now=now)
