"""What a database administrator and a log reader can see, and their ways of linking an answer
to its author. Each strategy returns, per answer, the people it points at; the tests check that
whenever that set holds the author it holds at least the survey's minimum."""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import text

from db.base import Base
from db.session import make_engine
from tests.databases import Database

PERSON_COLUMNS = ("person_id", "created_by", "manager_id")
XID_TEXT = "xmin::text::bigint"
READER = "attacker"
# Every survey's answers: one row per answer per question (key, survey, question, score or text).
ANSWER_TABLE = "survey_item_answer"
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}")


@dataclass(frozen=True)
class Row:
    """One live row as the administrator reads it, with its physical position and writer."""

    table: str
    position: tuple[int, ...]  # PostgreSQL ctid (page, item) or SQLite rowid
    xmin: int | None  # PostgreSQL only
    values: dict[str, Any]


def dump(database: Database) -> list[Row]:
    """Every live row of every table (`SELECT ctid, xmin, *` on PostgreSQL, rowid on SQLite),
    read on an engine of its own whose SQL is not logged: the reader's queries are not the
    app's log lines."""
    rows: list[Row] = []
    postgres = database.engine.dialect.name == "postgresql"
    logging.getLogger(f"sqlalchemy.engine.Engine.{READER}").setLevel(logging.WARNING)
    engine = make_engine(database.url, logging_name=READER)
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            extra = f"ctid::text AS _pos, {XID_TEXT} AS _xmin" if postgres else "rowid AS _pos"
            result = connection.execute(text(f'SELECT {extra}, * FROM "{table.name}"'))
            for record in result.mappings():
                values = dict(record)
                position = values.pop("_pos")
                rows.append(Row(table.name, _position(position), values.pop("_xmin", None),
                                values))
    engine.dispose()
    return rows


def _position(value: Any) -> tuple[int, ...]:
    if isinstance(value, int):
        return (value,)
    return tuple(int(part) for part in re.findall(r"\d+", str(value)))


def people_of(row: Row, people: dict[str, int]) -> set[int]:
    """The person ids a row names: a person column, its own id in `person`, or a Slack id."""
    found = {int(row.values[c]) for c in PERSON_COLUMNS if row.values.get(c) is not None}
    if row.table == "person":
        found.add(int(row.values["id"]))
    rendered = " ".join(str(value) for value in row.values.values())
    return found | {pid for slack_id, pid in people.items() if slack_id in rendered}


def markers_in(value: object, markers: Iterable[str]) -> set[str]:
    """Which answer markers a value (a row, a log line, a Slack call) contains."""
    rendered = str(value)
    return {marker for marker in markers if marker in rendered}


def by_shared_columns(rows: list[Row], people: dict[str, int]) -> dict[str, set[int]]:
    """Join each answer to every row sharing any column value (same name) with it."""
    answers = [row for row in rows if row.table == ANSWER_TABLE]
    linked: dict[str, set[int]] = defaultdict(set)
    for answer in answers:
        for row in rows:
            if row.table == ANSWER_TABLE:
                continue
            shared = [c for c, v in answer.values.items() if v is not None and
                      c in row.values and row.values[c] == v]
            if shared or answer.values["survey_id"] == row.values.get("id"):
                linked[answer.values["key"]] |= people_of(row, people)
    return linked


def by_same_xmin(rows: list[Row], people: dict[str, int]) -> dict[str, set[int]]:
    """Each answer with the people of every row its transaction (xmin) wrote."""
    return {
        answer.values["key"]: set().union(*(people_of(r, people) for r in rows
                                            if r.xmin == answer.xmin and r is not answer))
        for answer in rows if answer.table == ANSWER_TABLE
    }


def by_earlier_xmin(rows: list[Row]) -> dict[str, set[int]]:
    """Each answer with the people whose "has answered" row is no younger (xid order)."""
    answers = [row for row in rows if row.table == ANSWER_TABLE]
    participations = [row for row in rows if row.table == "survey_participation"]
    return {
        answer.values["key"]: {int(r.values["person_id"]) for r in participations
                               if (r.xmin or 0) <= (answer.xmin or 0)}
        for answer in answers
    }


def by_first_sight(readings: list[list[Row]]) -> dict[str, set[int]]:
    """A reader who comes back again and again: each answer (known by its content) with the
    people who joined the "has answered" records since the last reading that showed new
    answers. Keyed by the answers' keys in the last reading."""
    published: set[tuple[Any, ...]] = set()
    answered_before: set[int] = set()
    first: dict[tuple[Any, ...], set[int]] = {}
    for rows in readings:
        answers = {_content(r) for r in rows if r.table == ANSWER_TABLE}
        answered = {int(r.values["person_id"]) for r in rows if r.table == "survey_participation"}
        for content in answers - published:
            first[content] = answered - answered_before
        if answers - published:
            published |= answers
            answered_before = answered
    return {r.values["key"]: first[_content(r)] for r in readings[-1]
            if r.table == ANSWER_TABLE}


def _content(row: Row) -> tuple[Any, ...]:
    return tuple(row.values[c] for c in ("question_id", "score", "text"))


def best_order_pairing(
    ordered_answers: list[str], people_in_order: list[int], truth: dict[str, int]
) -> int:
    """The most authors found by pairing the k-th answer of an order with the k-th person of
    another, trying that order reversed and every rotation (as an attacker would)."""
    best = 0
    for people in (people_in_order, people_in_order[::-1]):
        for shift in range(len(people)):
            rotated = people[shift:] + people[:shift]
            found = sum(truth[key] == person
                        for key, person in zip(ordered_answers, rotated, strict=False))
            best = max(best, found)
    return best


def named_in(record: logging.LogRecord, people: dict[str, int]) -> set[int]:
    """People a log line names: by Slack id, or (SQL about a person column) anybody, since the
    administrator can resolve the ids that follow."""
    message = record.getMessage()
    if record.name.startswith("sqlalchemy") and "person" in message:
        return set(people.values())
    return {pid for slack_id, pid in people.items() if slack_id in message}


def near_in_logs(
    records: list[logging.LogRecord], markers: set[str], people: dict[str, int],
    *, window: float,
) -> list[tuple[set[str], set[int]]]:
    """For each log line holding answer content, the content and the people of the lines of
    the same thread within `window` seconds: what one request's log tells about its author."""
    contexts = []
    for record in records:
        if not markers_in(record.getMessage(), markers):
            continue
        near = [r for r in records if r.thread == record.thread
                and abs(r.created - record.created) <= window]
        shown = set().union(*(markers_in(r.getMessage(), markers) for r in near))
        contexts.append((shown, set().union(*(named_in(r, people) for r in near))))
    return contexts


def first_seen_times(records: list[logging.LogRecord], markers: set[str]) -> dict[str, float]:
    """When each answer first shows up in the log (epoch seconds)."""
    first: dict[str, float] = {}
    for record in records:
        for marker in markers_in(record.getMessage(), markers):
            first.setdefault(marker, record.created)
    return first


def timestamps_within(
    rows: list[Row], first: datetime, last: datetime, people: dict[str, int]
) -> set[int]:
    """People named by any row holding a timestamp from `first` to `last`."""
    named: set[int] = set()
    for row in rows:
        stamps = [stamp for value in row.values.values() if (stamp := _timestamp(value))]
        if any(first <= stamp <= last for stamp in stamps):
            named |= people_of(row, people)
    return named


def _timestamp(value: object) -> datetime | None:
    """A timestamp as PostgreSQL returns it, or as SQLite's text (read as UTC)."""
    if isinstance(value, str) and TIMESTAMP.match(value):
        value = datetime.fromisoformat(value)
    if not isinstance(value, datetime):
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
