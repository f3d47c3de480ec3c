"""The attacker of tests/services/surveys/attacker.py, turned on surveys of several questions:
besides linking an answer to its author, linking one person's answers to two questions (the
free text that may give someone away, to their scale answers). Also reads PostgreSQL's pages
(pageinspect), dead row versions included."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import text

from tests.databases import Database
from tests.services.surveys.attacker import ANSWER_TABLE, Row

SHARED_BY_ALL = frozenset({"survey_id"})  # the same on every answer of the survey


def item_rows(rows: list[Row]) -> list[Row]:
    """The per-question answer rows."""
    return [row for row in rows if row.table == ANSWER_TABLE]


def by_question(rows: list[Row]) -> dict[int, list[Row]]:
    """Each question's answer rows, in physical order."""
    grouped: dict[int, list[Row]] = defaultdict(list)
    for row in sorted(item_rows(rows), key=lambda r: r.position):
        grouped[int(row.values["question_id"])].append(row)
    return grouped


def columns_joining_questions(rows: list[Row]) -> set[str]:
    """Columns (beyond the survey) whose value an answer shares with an answer to another
    question: anything an administrator could join two of one person's answers on."""
    answers = item_rows(rows)
    shared: set[str] = set()
    for one in answers:
        for other in answers:
            if one.values["question_id"] == other.values["question_id"]:
                continue
            shared |= {c for c, v in one.values.items() if v is not None and c != "question_id"
                       and other.values.get(c) == v and c not in SHARED_BY_ALL
                       and c not in ("score",)}  # equal scores are only equal scores
    return shared


def reassembled_by_neighbours(
    rows: list[Row], authors: dict[str, int], vectors: dict[int, tuple[int, ...]],
    scale_questions: list[int], *, reach: int,
) -> list[int]:
    """Authors whose whole answer vector sits physically around their free text: for each text
    row (known by its marker), the rows within `reach` positions, one of each scale question
    holding the author's value. A write grouped by person reassembles everyone."""
    ordered = sorted(item_rows(rows), key=lambda r: r.position)
    found = []
    for index, row in enumerate(ordered):
        marker = next((m for m in authors if m in str(row.values.get("text"))), None)
        if marker is None:
            continue
        author = authors[marker]
        near = ordered[max(0, index - reach):index + reach + 1]
        if all(any(int(r.values["question_id"]) == q and r.values["score"] == value for r in near)
               for q, value in zip(scale_questions, vectors[author], strict=True)):
            found.append(author)
    return found


def raw_tuples(database: Database, table: str) -> list[tuple[int, int, bytes]]:
    """Every tuple version in the table's pages, live or dead (PostgreSQL's pageinspect):
    (xmin, xmax, raw data)."""
    with database.engine.begin() as connection:
        connection.execute(text("CREATE EXTENSION IF NOT EXISTS pageinspect"))
        pages = connection.execute(text(
            "SELECT pg_relation_size(:t) / current_setting('block_size')::int"), {"t": table}
        ).scalar_one()
        found = []
        for page in range(int(pages)):
            result = connection.execute(text(
                "SELECT t_xmin::text::bigint, t_xmax::text::bigint, t_data "
                "FROM heap_page_items(get_raw_page(:t, :p)) WHERE t_data IS NOT NULL"),
                {"t": table, "p": page})
            found += [(int(x), int(y), bytes(d)) for x, y, d in result]
    return found
