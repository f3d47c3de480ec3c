"""One thing `/kickoff help` lists, and who may do it."""

from __future__ import annotations

from dataclasses import dataclass

from db.models import Role


@dataclass(frozen=True)
class Capability:
    """One thing a caller can do, and the roles that may (empty: everyone)."""

    usage: str
    summary: str
    roles: frozenset[Role] = frozenset()
    rank: int = 0  # where the line shows in `/kickoff help` (lines of all features, by rank)
