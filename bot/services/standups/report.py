"""Participation of a program as plain JSON-ready data (`kickoff-bot standups`, the demo)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.standups.participation import Counts, Participation
from bot.services.standups.blockers import open_blockers_by_manager
from bot.services.standups.participation import participation
from bot.services.standups.schedule import standup_days
from db.models import Person, Program

COLUMNS = ("expected", "answered", "late", "excused", "missed", "pending")


def participation_report(*, session: Session, program: Program, now: datetime) -> dict[str, Any]:
    """Counts per day, team and manager (with their open blockers), and the totals."""
    result = participation(session=session, program=program, now=now)
    by_day = result.by(lambda row: row.number)
    by_team = result.by(lambda row: row.team or "")
    return {
        "program": program.name,
        "as_of": now.isoformat(),
        "days": [
            {"day": d.number, "date": d.date.isoformat(), **asdict(by_day.get(d.number, Counts()))}
            for d in standup_days(program)
        ],
        "teams": [
            {"team": team or None, **asdict(counts)} for team, counts in sorted(by_team.items())
        ],
        "managers": _managers(session, program, result),
        "totals": asdict(result.totals()),
    }


def _managers(session: Session, program: Program, result: Participation) -> list[dict[str, Any]]:
    """One row per manager of reps, or holder of open blockers; reps without one: None."""
    counts = result.by(lambda row: row.manager_id)
    blockers = open_blockers_by_manager(session=session, program_id=program.id)
    ids = counts.keys() | blockers.keys()
    known = [i for i in ids if i is not None]
    query = select(Person.id, Person.name).where(Person.id.in_(known))
    names = {row.id: row.name for row in session.execute(query)}
    rows = [
        {
            "manager_id": i,
            "manager": names.get(i) if i is not None else None,
            **asdict(counts.get(i, Counts())),
            "open_blockers": blockers.get(i, 0),
        }
        for i in ids
    ]
    return sorted(rows, key=lambda row: (row["manager"] is None, row["manager"] or ""))
