"""What each role may do, as `/kickoff help` lists it (each feature declares its own lines in
the registry, bot/features)."""

from __future__ import annotations

from collections.abc import Iterable

from bot.domain.capabilities import Capability
from db.models import Role


def capabilities_for(
    capabilities: Iterable[Capability], roles: frozenset[Role]
) -> list[Capability]:
    """The capabilities open to someone holding `roles`, by rank."""
    return sorted((c for c in capabilities if not c.roles or c.roles & roles),
                  key=lambda c: c.rank)
