"""The ledger's own share of a program copy: the break-even inputs (the next event's cost is
then edited with `kickoff-bot program break-even`)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from db.models import BreakEvenInput, Program


def copy_break_even(*, session: Session, source: Program, copy: Program) -> None:
    """Carry the break-even inputs over, if any were given."""
    row = session.get(BreakEvenInput, source.id)
    if row is not None:
        session.add(BreakEvenInput(program_id=copy.id, event_cost=row.event_cost, reps=row.reps,
                                   quota=row.quota, quota_period=row.quota_period))
