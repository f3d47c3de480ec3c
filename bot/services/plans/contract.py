"""The program's behaviour contract and breakout time: read (the default until enablement writes
one) and written from the shell."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy.orm import Session

from bot.domain.plans.contract import (
    BREAKOUT_DAY,
    BREAKOUT_TIME,
    DEFAULT_CONTRACT,
    contract_problem,
)
from bot.domain.working_hours import outside_window
from bot.errors import InvalidField
from bot.services.availability import work_window
from db.models import PlanContract, Program


@dataclass(frozen=True)
class Contract:
    """What reps sign, and when the breakout asks them to."""

    text: str
    written: bool  # False: the default
    breakout_day: int
    breakout_time: time

    def breakout_date(self, program: Program) -> date:
        """The event day of the breakout."""
        return program.kickoff_date + timedelta(days=self.breakout_day - 1)


def contract_of(*, session: Session, program: Program) -> Contract:
    """The program's contract (the default, at the default time, until one is written)."""
    row = session.get(PlanContract, program.id)
    if row is None:
        return Contract(DEFAULT_CONTRACT, False, BREAKOUT_DAY, BREAKOUT_TIME)
    return Contract(row.text or DEFAULT_CONTRACT, row.text is not None, row.breakout_day,
                    row.breakout_time)


def write_contract(
    *, session: Session, program: Program, now: datetime, text: str | None = None,
    breakout_day: int | None = None, breakout_time: time | None = None,
) -> Contract:
    """Store the contract text and/or breakout time (what is not given is kept)."""
    if text is not None and (problem := contract_problem(text)) is not None:
        raise InvalidField("file", problem)
    if breakout_day is not None and not 1 <= breakout_day <= program.event_days:
        raise InvalidField("--day", f"the event has {program.event_days} day(s); "
                                  f"choose 1 to {program.event_days}")
    if breakout_time is not None:
        late = outside_window("the breakout", breakout_time, work_window(program),
                              zone=program.timezone)
        if late is not None:
            raise InvalidField("--at", late)
    row = session.get(PlanContract, program.id) or PlanContract(program_id=program.id)
    session.add(row)
    if text is not None:
        row.text = text.strip()
    row.breakout_day = breakout_day or row.breakout_day or BREAKOUT_DAY
    row.breakout_time = breakout_time or row.breakout_time or BREAKOUT_TIME
    row.updated_at = now
    session.flush()
    return contract_of(session=session, program=program)
