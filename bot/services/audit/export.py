"""The audit as rows for RevOps (CSV, and the shell's JSON): per manager and week, and (from the
shell) per rep and week, each cadence type apart.

Manager rows come in the posted audit's order (below the 1:1 target first) and carry the
audit's own figures, read from its standings (bot/domain/audit/standings.py): 1:1s done of due
with their rate against the target and the baseline, call reviews and territory reviews done of
due and whether they kept their cadence, and the team rubric (on the audited week's row, where
the team meets the smallest group). `due` leaves excused items out, as the post does. Rep rows
say what was due for each rep and what was done, never a rate: reps are not ranked. The file is
written by the one export writer (bot/domain/export.py), which neutralises cells a spreadsheet
would run as a formula.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from bot.domain import export
from bot.domain.audit.numbers import Tally, WeekNumbers
from bot.domain.audit.standings import OWN_CADENCE, Standing, on_cadence, standing_of, standings
from bot.domain.coaching.status import CadenceCounts, Status
from bot.services.audit.weeks import week_label
from bot.services.coaching.calendar import program_week
from bot.services.coaching.status import load_status_context
from db.models import CadenceType, CoachingItem, Program

Row = dict[str, object]
PREFIX = {CadenceType.ONE_ON_ONE: "one_on_ones", CadenceType.CALL_REVIEW: "call_reviews",
          CadenceType.TERRITORY_REVIEW: "territory_reviews"}
COLUMNS = (
    "level", "name", "manager", "program_week", "iso_week",
    "one_on_ones_done", "one_on_ones_due", "one_on_ones_excused", "one_on_ones_pct",
    "one_on_ones_vs_target", "target_pct", "baseline_pct",
    "call_reviews_done", "call_reviews_due", "call_reviews_excused", "call_reviews_on_cadence",
    "territory_reviews_done", "territory_reviews_due", "territory_reviews_excused",
    "territory_reviews_on_cadence",
    "team_rubric_first", "team_rubric_latest", "team_rubric_reps",
)


def manager_rows(numbers: WeekNumbers) -> list[Row]:
    """Every manager, in the audit's order, each with a row per week up to the audited one."""
    histories = {manager.manager_id: manager for manager in numbers.managers}
    rows = []
    for standing in standings(numbers):
        manager = histories[standing.manager_id]
        for week in sorted(manager.weeks.keys() | {numbers.program_week}):
            shown = standing if week == numbers.program_week else standing_of(manager, numbers,
                                                                               week)
            rows.append(_in_order(_manager_row(shown, numbers)))
    return rows


def rep_rows(*, session: Session, program: Program, now: datetime, up_to: int) -> list[Row]:
    """Every rep's coaching per week up to week `up_to` and manager, each cadence type done of
    due, statuses taken by the coaching rules at `now` (three SELECTs); by rep name, never
    ranked."""
    items = session.scalars(
        select(CoachingItem)
        .where(CoachingItem.program_id == program.id, CoachingItem.week <= up_to,
               CoachingItem.committed.is_(False))
        .options(joinedload(CoachingItem.rep), joinedload(CoachingItem.manager))
    ).all()
    context = load_status_context(session=session, program=program)
    statuses: dict[tuple[str, str, int], dict[CadenceType, Counter[Status]]] = defaultdict(
        lambda: defaultdict(Counter)
    )
    for item in items:
        key = item.rep.name, item.manager.name, item.week
        statuses[key][item.cadence][context.status_of(item, now)] += 1
    return [
        _in_order(_row("rep", rep, manager, week, week_label(program_week(program, week).monday))
                  | _done_of_due({cadence.value: Tally.of(CadenceCounts.of(counted))
                                  for cadence, counted in by_cadence.items()}))
        for (rep, manager, week), by_cadence in sorted(statuses.items())
    ]


def csv_bytes(rows: list[Row]) -> bytes:
    """The rows as a UTF-8 CSV file with a header line."""
    return export.csv_bytes(COLUMNS, [list(row.values()) for row in rows])


def _manager_row(standing: Standing, numbers: WeekNumbers) -> Row:
    row = _row("manager", standing.name, "", standing.week, _iso_week(numbers, standing.week))
    one_on_ones = standing.cadences.get(CadenceType.ONE_ON_ONE.value)
    row |= _done_of_due(standing.cadences) | {
        "one_on_ones_pct": one_on_ones.percent if one_on_ones is not None else None,
        "one_on_ones_vs_target": standing.mark.value if standing.mark is not None else None,
        "target_pct": round(numbers.target * 100),
        "baseline_pct": round(numbers.baseline * 100),
    }
    for cadence in OWN_CADENCE:
        kept = on_cadence(standing.cadences.get(cadence.value))
        row[f"{PREFIX[cadence]}_on_cadence"] = None if kept is None else "yes" if kept else "no"
    rubric = standing.rubric
    if rubric is not None and standing.week == numbers.program_week:
        row |= {"team_rubric_first": round(rubric.first, 1),
                "team_rubric_latest": round(rubric.latest, 1), "team_rubric_reps": rubric.reps}
    return row


def _in_order(row: Row) -> Row:
    """Every column, in the file's order; None where the row has nothing to say."""
    return {column: row.get(column) for column in COLUMNS}


def _row(level: str, name: str, manager: str, week: int, iso_week: str) -> Row:
    return {"level": level, "name": name, "manager": manager, "program_week": week,
            "iso_week": iso_week}


def _done_of_due(cadences: dict[str, Tally]) -> Row:
    """Each cadence type's done, due (excused left out) and excused; zeros when none was due."""
    row: Row = {}
    for cadence, prefix in PREFIX.items():
        tally = cadences.get(cadence.value, Tally())
        row |= {f"{prefix}_done": tally.done, f"{prefix}_due": tally.counted,
                f"{prefix}_excused": tally.excused}
    return row


def _iso_week(numbers: WeekNumbers, week: int) -> str:
    return week_label(numbers.monday + timedelta(weeks=week - numbers.program_week))


def audit_json(numbers: WeekNumbers) -> dict[str, object]:
    """The audit for the shell's --json: the week's org-wide figures (each cadence type apart)
    and the managers as the export's rows, in the audit's order."""
    return numbers.model_dump(mode="json", exclude={"managers"}) | {
        "managers": manager_rows(numbers)
    }
