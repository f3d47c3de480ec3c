"""Rows sent to `POST /api/v1/metrics`: the same checks as a file, all or nothing, the token
recorded as their source."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from bot.services.metrics.checks import RawRow, RowProblem, check_rows
from bot.services.metrics.store import WriteReport, write_values
from db.models import ApiToken

MAX_ROWS = 5000


def api_source(token: ApiToken) -> str:
    """How the rows a token sent are marked: "api:<token name>"."""
    return f"api:{token.name}"


def raw_rows(items: Sequence[Any]) -> tuple[list[RawRow], list[RowProblem]]:
    """The JSON objects as rows (numbered from 1), and the objects that are not rows."""
    rows: list[RawRow] = []
    problems: list[RowProblem] = []
    for index, item in enumerate(items, start=1):
        where = f"row {index}"
        if not isinstance(item, dict):
            problems.append(RowProblem(where, "is not an object"))
            continue
        texts = {name: item.get(name) for name in ("email", "slack_id", "metric", "period")}
        wrong = [name for name, value in texts.items() if value is not None
                 and not isinstance(value, str)]
        if wrong:
            problems.append(RowProblem(where, f"{', '.join(wrong)} must be text"))
            continue
        rows.append(RawRow(where, texts["email"], texts["slack_id"], texts["metric"] or "",
                           texts["period"] or "", item.get("value")))
    return rows, problems


def store_api_rows(
    *, session: Session, token: ApiToken, items: Sequence[Any], now: datetime
) -> tuple[WriteReport | None, list[RowProblem]]:
    """Store every row, or none and every problem."""
    rows, problems = raw_rows(items)
    checked, more = check_rows(session=session, program_id=token.program_id, rows=rows)
    problems = sorted(problems + more, key=lambda p: int(p.where.split()[1]))
    if problems:
        return None, problems
    return write_values(session=session, program_id=token.program_id, rows=checked,
                        source=api_source(token), now=now), []
