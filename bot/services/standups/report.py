"""Participation of a program as plain JSON-ready data (`kickoff-bot standups`, the demo).

Shown to someone other than the reps and their manager, the figures keep to the program's
smallest group (bot/domain/group_size.py): small teams folded into "other teams" or withheld,
and the days and totals withheld for a program smaller than that. The shell's operator holds the
database itself and sees every team.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from bot.domain.group_size import OTHER_TEAMS, fold_groups, smallest_group
from bot.domain.standups.participation import Counts, Participation
from bot.services.names import names_by_id
from bot.services.standups.blockers import open_blockers_by_manager
from bot.services.standups.participation import participation
from bot.services.standups.schedule import standup_days
from db.models import Program

COLUMNS = ("expected", "answered", "late", "excused", "missed", "pending", "follow_yes",
           "follow_partly", "follow_no")


def participation_report(
    *, session: Session, program: Program, now: datetime, for_operator: bool
) -> dict[str, Any]:
    """Counts per day, team and manager (with their open blockers), and the totals; unless
    `for_operator`, teams, days and totals keep to the program's smallest group."""
    result = participation(session=session, program=program, now=now)
    by_day = result.by(lambda row: row.number)
    report: dict[str, Any] = {
        "program": program.name,
        "as_of": now.isoformat(),
        "days": [
            {"day": d.number, "date": d.date.isoformat(), **asdict(by_day.get(d.number, Counts()))}
            for d in standup_days(program)
        ],
        "teams": _teams(result, None if for_operator else program),
        "managers": _managers(session, program, result),
        "totals": asdict(result.totals()),
    }
    if not for_operator and not _overall_shown(result, program):
        report |= {"days": [], "totals": None}
    return report


def _teams(result: Participation, program: Program | None) -> list[dict[str, Any]]:
    """Each team's counts; for others than the operator, small teams folded or withheld."""
    by_team = result.by(lambda row: row.team or "")
    if program is None:
        return [{"team": team or None, **asdict(counts)}
                for team, counts in sorted(by_team.items())]
    shown = fold_groups(result.sizes(lambda row: row.team or ""),
                        smallest=smallest_group(program.smallest_group), overall=True)
    rows = [{"team": team or None, **asdict(by_team[team])} for team in sorted(shown.groups)]
    if shown.other:
        other = set(shown.other)
        folded = Participation(rows=[row for row in result.rows if (row.team or "") in other])
        rows.append({"team": OTHER_TEAMS, **asdict(folded.totals())})
    return rows


def _overall_shown(result: Participation, program: Program) -> bool:
    reps = len({row.person_id for row in result.rows})
    return reps >= smallest_group(program.smallest_group)


def _managers(session: Session, program: Program, result: Participation) -> list[dict[str, Any]]:
    """One row per manager of reps, or holder of open blockers; reps without one: None."""
    counts = result.by(lambda row: row.manager_id)
    blockers = open_blockers_by_manager(session=session, program_id=program.id)
    ids = counts.keys() | blockers.keys()
    names = names_by_id(session, (i for i in ids if i is not None))
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
