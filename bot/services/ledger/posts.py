"""What the ledger adds to the audit posts: the read-out's break-even and decision button, the
re-measure's break-even beside the attainment lift over the same period."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.blocks.break_even import build_readout_ledger, build_remeasure_break_even
from bot.blocks.text import Block
from bot.services.ledger.break_even import attainment_lifts, break_even_of
from db.models import Program


def readout_ledger_blocks(*, session: Session, program: Program) -> list[Block]:
    """The read-out's break-even and "Record a decision"."""
    return build_readout_ledger(break_even_of(session=session, program_id=program.id),
                                program_id=program.id)


def remeasure_ledger_blocks(*, session: Session, program: Program) -> list[Block]:
    """The re-measure's break-even line."""
    return build_remeasure_break_even(break_even_of(session=session, program_id=program.id),
                                      attainment_lifts(session=session, program_id=program.id))
