"""The export writer: formula cells neutralised, numbers untouched, JSON exact and strict."""

from __future__ import annotations

import csv
import json
from datetime import UTC, date, datetime
from enum import StrEnum
from io import StringIO

import pytest

from bot.domain.export import csv_bytes, json_text


class Level(StrEnum):
    """An enum value as an export meets it."""

    REP = "rep"


def read(data: bytes) -> list[list[str]]:
    """The CSV as a spreadsheet's importer would split it."""
    return list(csv.reader(StringIO(data.decode("utf-8"), newline="")))


@pytest.mark.parametrize("text", ["=HYPERLINK(\"x\")", "+1", "-2+3", "@SUM(A1)", "\tcmd",
                                  "\rcmd"])
def test_a_cell_a_spreadsheet_would_run_is_read_as_text(text: str) -> None:
    rows = read(csv_bytes(("name",), [(text,)]))
    assert rows == [["name"], ["'" + text]]


def test_numbers_and_plain_text_are_untouched() -> None:
    rows = read(csv_bytes(("name", "due", "pct", "delta", "none"),
                          [("Ana Ruiz", 4, 95.5, -3, None)]))
    assert rows[1] == ["Ana Ruiz", "4", "95.5", "-3", ""]


def test_text_that_needs_quoting_stays_one_cell() -> None:
    rows = read(csv_bytes(("name",), [("Reed, Marcus \"Mo\"\nWest",)]))
    assert rows[1] == ["Reed, Marcus \"Mo\"\nWest"]


def test_json_keeps_every_value_exact_and_dates_as_text() -> None:
    data = {"name": "=cmd", "n": -2, "day": date(2027, 3, 11), "level": Level.REP,
            "at": datetime(2027, 3, 11, 9, tzinfo=UTC), "who": "Zoë"}
    assert json.loads(json_text(data)) == {
        "name": "=cmd", "n": -2, "day": "2027-03-11", "level": "rep",
        "at": "2027-03-11 09:00:00+00:00", "who": "Zoë"}


def test_json_refuses_what_is_not_json() -> None:
    with pytest.raises(ValueError, match="JSON compliant"):
        json_text({"pct": float("nan")})
