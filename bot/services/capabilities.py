"""What each role may do, as `/kickoff help` lists it (each feature adds its own lines)."""

from __future__ import annotations

from dataclasses import dataclass

from db.models import Role


@dataclass(frozen=True)
class Capability:
    """One thing a caller can do, and the roles that may (empty: everyone)."""

    usage: str
    summary: str
    roles: frozenset[Role] = frozenset()


CAPABILITIES: tuple[Capability, ...] = (
    Capability("/kickoff help", "what you can do with kickoff-bot"),
    Capability("/kickoff status", "your programs and your roles in them"),
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
)


def capabilities_for(roles: frozenset[Role]) -> list[Capability]:
    """The capabilities open to someone holding `roles`."""
    return [c for c in CAPABILITIES if not c.roles or c.roles & roles]
