"""What a feature's planner is, for the scheduler that runs it and the registry that lists it
(kept below both, so handlers can preview a planner's messages without the scheduler)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Protocol

from sqlalchemy.orm import Session

from bot.services.outbox import Envelope


class Planner(Protocol):
    """A feature's schedule: which envelopes are due between two instants."""

    @property
    def kinds(self) -> frozenset[str]:
        """The delivery kinds this planner owns (it is the only one to plan or cancel them)."""

    def plan(self, *, session: Session, start: datetime, end: datetime) -> Iterable[Envelope]:
        """Every envelope of `kinds` whose due_at lies in [start, end)."""
