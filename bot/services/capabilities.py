"""What each role may do, as `/kickoff help` lists it (each feature declares its own lines in
the registry, bot/features)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from db.models import Role


@dataclass(frozen=True)
class Capability:
    """One thing a caller can do, and the roles that may (empty: everyone)."""

    usage: str
    summary: str
    roles: frozenset[Role] = frozenset()
    rank: int = 0  # where the line shows in `/kickoff help` (lines of all features, by rank)


def capabilities_for(
    capabilities: Iterable[Capability], roles: frozenset[Role]
) -> list[Capability]:
    """The capabilities open to someone holding `roles`, by rank."""
    return sorted((c for c in capabilities if not c.roles or c.roles & roles),
                  key=lambda c: c.rank)
