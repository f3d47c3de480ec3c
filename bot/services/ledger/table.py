"""The ROI ledger: every program's decisions beside its read-out figures and break-even, one row
per decision (a program without any has one row with the decision columns empty)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.ledger.break_even import percent_text
from bot.domain.ledger.decisions import confounds_text
from bot.domain.local_time import local_date
from bot.services.ledger.break_even import attainment_lifts, break_even_of
from bot.services.ledger.columns import LedgerColumn
from bot.services.ledger.decisions import decision_line
from db.models import Decision, Person, Program, ProgramStatus

PROGRAM_COLUMNS = ("program", "kickoff_date")
BREAK_EVEN_COLUMNS = ("break_even_needed_percent", "quota_period", "attainment_lift_points",
                      "attainment_lift_measured")
DECISION_COLUMNS = ("intervention", "decision", "owner", "reason", "confounds", "version",
                    "recorded_on")


@dataclass(frozen=True)
class Ledger:
    """The ledger's columns and its rows of named values."""

    columns: tuple[str, ...]
    rows: list[dict[str, object]]


def build_ledger(*, session: Session, workspace_id: int,
                 columns: Sequence[LedgerColumn]) -> Ledger:
    """Every program (archived drafts and tests left out), oldest kickoff first."""
    ordered = sorted(columns, key=lambda column: column.rank)
    programs = session.scalars(select(Program).where(
        Program.workspace_id == workspace_id, Program.status != ProgramStatus.ARCHIVED,
    ).order_by(Program.kickoff_date, Program.id))
    rows = [row for program in programs for row in _program_rows(session, program, ordered)]
    names = (*PROGRAM_COLUMNS, *(column.name for column in ordered), *BREAK_EVEN_COLUMNS,
             *DECISION_COLUMNS)
    return Ledger(columns=names, rows=rows)


def _program_rows(session: Session, program: Program,
                  columns: Sequence[LedgerColumn]) -> list[dict[str, object]]:
    base: dict[str, object] = {"program": program.name, "kickoff_date": program.kickoff_date}
    base |= {column.name: column.read(session, program) for column in columns}
    base |= _break_even(session, program)
    decisions = session.scalars(select(Decision).where(Decision.program_id == program.id)
                                .order_by(Decision.id)).all()
    return [base | _decision(session, decision, program.timezone)
            for decision in decisions] or [base]


def _break_even(session: Session, program: Program) -> dict[str, object]:
    """The attainment needed, and the latest lift measured over the same period only."""
    break_even = break_even_of(session=session, program_id=program.id)
    if break_even is None:
        return {}
    same = [lift for lift in attainment_lifts(session=session, program_id=program.id)
            if lift.period is break_even.period]
    lift = same[-1] if same else None
    return {
        "break_even_needed_percent": percent_text(break_even.needed_percent),
        "quota_period": break_even.period.value,
        "attainment_lift_points": (None if lift is None or lift.points is None
                                   else round(lift.points, 1)),
        "attainment_lift_measured": lift.measured if lift else None,
    }


def _decision(session: Session, decision: Decision, timezone: str) -> dict[str, object]:
    owner = session.get(Person, decision.owner_id) if decision.owner_id else None
    line = decision_line(decision, owner)
    return {"intervention": line.name, "decision": line.verdict.value, "owner": line.owner,
            "reason": line.reason, "confounds": confounds_text(list(line.confounds)),
            "version": line.version, "recorded_on": local_date(line.recorded_at, timezone)}
