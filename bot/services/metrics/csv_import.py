"""`kickoff-bot metrics import` and the App Home upload: a CSV of metric values, all or nothing.

UTF-8 (a BOM is fine), separated by commas or semicolons (sniffed from the header line); the
columns are `email` or `slack_id` (or both), `metric`, `period` (a date or an ISO week) and
`value`; other columns are ignored. Every bad row is named by its line (the header is line 1).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import datetime
from typing import Protocol

from sqlalchemy.orm import Session

from bot.errors import KickoffError
from bot.services.metrics.checks import RawRow, RowProblem, check_rows
from bot.services.metrics.store import WriteReport, write_values
from db.models import Program

IMPORT_SOURCE = "import"
COLUMNS = ("email", "slack_id", "metric", "period", "value")


class _LineReader(Protocol):
    """What `csv.reader` returns: rows, and how many physical lines it has read so far."""

    @property
    def line_num(self) -> int: ...

    def __iter__(self) -> Iterator[list[str]]: ...


class MetricsRejected(KickoffError):
    """Rows that cannot be stored; nothing was. str() names every one."""

    def __init__(self, program: Program, problems: list[RowProblem]) -> None:
        self.problems = problems
        lines = "\n".join(str(problem) for problem in problems)
        super().__init__(f"metrics for {program.name!r} not stored, nothing was changed; fix "
                         f"these rows and send them all again:\n{lines}")


def import_metrics_csv(
    *, session: Session, program: Program, content: bytes, now: datetime
) -> WriteReport:
    """Store every row of the file, or raise MetricsRejected and store none."""
    rows, problems = read_rows(content)
    checked, more = check_rows(session=session, program_id=program.id, rows=rows)
    if problems or more:
        raise MetricsRejected(program, problems + more)
    return write_values(session=session, program_id=program.id, rows=checked,
                        source=IMPORT_SOURCE, now=now)


def read_rows(content: bytes) -> tuple[list[RawRow], list[RowProblem]]:
    """The file's rows with their physical line numbers, or why the file cannot be read."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [RowProblem("line 1", "the file is not UTF-8 text (save it as 'CSV UTF-8')")]
    header_line = text.splitlines()[0] if text else ""
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [name.strip().lower() for name in next(reader, [])]
    columns = {name: header.index(name) for name in COLUMNS if name in header}
    missing = [n for n in ("metric", "period", "value") if n not in columns]
    if "email" not in columns and "slack_id" not in columns:
        missing.insert(0, "email or slack_id")
    if missing:
        return [], [RowProblem("line 1", f"the header lacks {', '.join(missing)} "
                               "(columns: email or slack_id, metric, period, value)")]
    try:
        return _rows(reader, columns), []
    except csv.Error as exc:
        return [], [RowProblem(f"line {reader.line_num}", f"the file is not valid CSV ({exc})")]


def _rows(reader: _LineReader, columns: dict[str, int]) -> list[RawRow]:
    rows: list[RawRow] = []
    where = [columns.get(name) for name in COLUMNS]  # email, slack_id, metric, period, value
    end_of_previous = reader.line_num
    for fields in reader:
        line, end_of_previous = end_of_previous + 1, reader.line_num
        size = len(fields)
        email, slack_id, metric, period, value = (
            fields[index].strip() if index is not None and index < size else ""
            for index in where)
        if email or slack_id or metric or period or value or any(f.strip() for f in fields):
            rows.append(RawRow(f"line {line}", email or None, slack_id or None, metric, period,
                               value))
    return rows
