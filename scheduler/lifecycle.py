"""The lifecycle table at claim time: a due row its program's phase does not allow is cancelled,
never sent (a paused program's rows with the reason that lets `resume` plan them again)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot.domain.kinds import OWN_KINDS
from bot.domain.lifecycle import Phase, phase
from bot.features.registry import REGISTRY
from bot.services.launch import ARCHIVED, ENDED, PAUSED
from db.models import Delivery, DeliveryStatus, Program

SEND_TABLE: Mapping[Phase, frozenset[str]] = REGISTRY.send_table()
# A test checks that every one of kickoff-bot's own kinds is declared by a feature.
KINDS = OWN_KINDS
REASONS = {Phase.PAUSED: PAUSED, Phase.ENDED: ENDED, Phase.ARCHIVED: ARCHIVED}


def hold_back(
    session: Session, rows: list[Delivery], now: datetime,
    table: Mapping[Phase, frozenset[str]] = SEND_TABLE,
) -> list[Delivery]:
    """The rows of `rows` the table lets go out at `now`; the others are cancelled."""
    ids = {row.program_id for row in rows if row.program_id is not None}
    if not ids:
        return rows
    phases = {program.id: phase(program, now)
              for program in session.scalars(select(Program).where(Program.id.in_(ids)))}
    held: dict[int, Phase] = {
        row.id: phases[row.program_id] for row in rows
        if row.program_id is not None and row.kind in KINDS
        and row.kind not in table[phases[row.program_id]]
    }
    for row_phase in set(held.values()):
        session.execute(
            update(Delivery)
            .where(Delivery.id.in_([id_ for id_, held_in in held.items() if held_in is row_phase]))
            .values(status=DeliveryStatus.CANCELLED, error=_reason(row_phase))
            .execution_options(synchronize_session=False)
        )
    return [row for row in rows if row.id not in held]


def _reason(held_in: Phase) -> str:
    return REASONS.get(held_in, f"not sent while the program is {held_in}")
