"""The one writer of every export, CSV and JSON: what leaves kickoff-bot as a file or as JSON on
the shell goes through here.

A CSV cell that a spreadsheet would run as a formula (text starting with =, +, -, @, a tab or a
carriage return) is prefixed with an apostrophe, so it reads as text; numbers are left as they
are. JSON keeps every value exact (a JSON reader runs nothing), refuses NaN and infinities, which
are not JSON, and writes dates, times and enums as their text.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping, Sequence
from io import StringIO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """One CSV cell as a spreadsheet should read it: formulas as text, None as empty."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return "" if value is None else value


def csv_bytes(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """A UTF-8 CSV file: a header line of `columns`, then the rows with every cell made safe."""
    out = StringIO()
    writer = csv.writer(out)
    writer.writerow([safe_cell(name) for name in columns])
    writer.writerows([safe_cell(value) for value in row] for row in rows)
    return out.getvalue().encode("utf-8")


def json_text(data: object) -> str:
    """`data` (dicts, lists, numbers, text; dates, times and enums as text) as indented JSON."""
    return json.dumps(data, indent=2, default=str, allow_nan=False)


def export_bytes(
    columns: Sequence[str], rows: Iterable[Mapping[str, object]], *, as_json: bool
) -> bytes:
    """Rows of named values as a file: a JSON list of objects, or CSV with `columns` as header."""
    if as_json:
        return (json_text([{name: row.get(name) for name in columns} for row in rows]) + "\n"
                ).encode("utf-8")
    return csv_bytes(columns, ([row.get(name) for name in columns] for row in rows))


def markdown_cell(value: object) -> str:
    """One Markdown table cell: pipes escaped, line breaks as spaces, None as empty."""
    text = "" if value is None else str(value)
    return " ".join(text.replace("|", "\\|").split())


def markdown_table(columns: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A Markdown table: a header line of `columns`, its rule, then one line per row."""
    lines = [columns, ["---"] * len(columns), *rows]
    return "\n".join("| " + " | ".join(markdown_cell(cell) for cell in line) + " |"
                     for line in lines) + "\n"
