"""What each role may do, as `/kickoff help` lists it (each feature adds its own lines)."""

from __future__ import annotations

from bot.domain.capabilities import Capability
from db.models import Role

CAPABILITIES: tuple[Capability, ...] = (
    Capability("/kickoff help", "what you can do with kickoff-bot"),
    Capability("/kickoff status", "your programs and your roles in them"),
    Capability(
        "/kickoff standup",
        "answer (or edit) today's week-1 standup: one new activity, one small win, one blocker",
        frozenset({Role.REP}),
    ),
    Capability(
        "kickoff-bot standups PROGRAM [--json] (shell)",
        "standup participation per day, team and manager, and open blockers",
        frozenset({Role.ADMIN, Role.ENABLEMENT}),
    ),
    Capability(
        "/kickoff log @rep",
        "log a 1:1, call review or territory review with one of your reps",
        frozenset({Role.MANAGER, Role.ADMIN}),
    ),
    Capability(
        "/kickoff survey",
        "create an anonymous eNPS survey: who is asked, when it opens and closes, the minimum",
        frozenset({Role.ENABLEMENT, Role.ADMIN}),
    ),
    Capability(
        "/kickoff survey status",
        "how many people answered each survey (never who), and close one early",
        frozenset({Role.ENABLEMENT, Role.ADMIN}),
    ),
    Capability(
        "kickoff-bot survey create | list | results ID (shell)",
        "surveys from the shell; results only once the minimum of responses was reached",
        frozenset({Role.ADMIN, Role.ENABLEMENT}),
    ),
    Capability(
        "kickoff-bot program create | edit | launch (shell)",
        "set up a program: kickoff date, channels, working days, holidays, times",
        frozenset({Role.ADMIN}),
    ),
    Capability(
        "kickoff-bot roster import PROGRAM FILE.csv (shell)",
        "load reps, managers, enablement and leaders with their managers",
        frozenset({Role.ADMIN}),
    ),
    Capability(
        "/kickoff ooo [@rep] FROM TO",
        "days out of office (yours, a rep's you manage, anyone's for admins): nothing is sent",
    ),
    Capability(
        "App Home (kickoff-bot's Home tab)",
        "everything for your roles in one place; admins set programs and rosters up there",
    ),
    Capability(
        "kickoff-bot ooo set | list | clear PERSON FROM TO (shell)",
        "mark the days someone is out of office: nothing is sent to them",
        frozenset({Role.ADMIN}),
    ),
    Capability(
        "kickoff-bot program preview PROGRAM (shell)",
        "every message the program will send, per person, in their local time",
        frozenset({Role.ADMIN, Role.ENABLEMENT}),
    ),
    Capability(
        "kickoff-bot deliveries [retry ID] (shell)",
        "what was sent, failed or expired; send a failed message again",
        frozenset({Role.ADMIN}),
    ),
    Capability(
        "/kickoff audit [PROGRAM]",
        "this week's coaching-completion audit so far, shown only to you",
        frozenset({Role.LEADER, Role.ADMIN}),
    ),
    Capability(
        "kickoff-bot audit PROGRAM [--week YYYY-Www] [--csv FILE] [--json] (shell)",
        "a week's audit as posted (or so far); per-manager and per-rep rows as CSV for RevOps",
        frozenset({Role.LEADER, Role.ADMIN}),
    ),
)


def capabilities_for(roles: frozenset[Role]) -> list[Capability]:
    """The capabilities open to someone holding `roles`."""
    return [c for c in CAPABILITIES if not c.roles or c.roles & roles]
