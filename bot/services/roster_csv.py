"""Reading a roster CSV into rows with their physical line numbers, and what is wrong with each."""

from __future__ import annotations

import csv
import io
import zoneinfo
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from db.models import Role

IDENTITY_COLUMNS = ("email", "slack_id")
REQUIRED_COLUMNS = ("role", "manager")
KNOWN_COLUMNS = (*IDENTITY_COLUMNS, *REQUIRED_COLUMNS, "team", "timezone")
EXPECTED_HEADER = "email and/or slack_id, role, manager, and optionally team and timezone"
ROLE_NAMES = ", ".join(role.value for role in Role)
TEAM_LENGTH = 80  # Membership.team
# The largest roster file read, in the shell and from Slack: a roster of 30,000 people is about
# 2 MB; a larger file is almost always the wrong one (a CRM export), refused before it is read.
MAX_BYTES = 2_000_000


@dataclass(frozen=True)
class RosterProblem:
    """Why one line of the file (the header is line 1) cannot be imported."""

    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


@dataclass(frozen=True)
class RosterRow:
    """One person as the file lists them; emails are lower-cased, Slack ids upper-cased."""

    line: int
    email: str | None
    slack_id: str | None
    roles: frozenset[Role]
    manager: str | None
    team: str | None
    timezone: str | None

    @property
    def label(self) -> str:
        """How the file names this person (their email, else their Slack id)."""
        return self.email or self.slack_id or f"line {self.line}"


@dataclass(frozen=True)
class ParsedRoster:
    """Every row that names someone, and every problem found without asking Slack."""

    rows: tuple[RosterRow, ...]
    problems: tuple[RosterProblem, ...]


def parse_roster(content: bytes) -> ParsedRoster:
    """Parse UTF-8 CSV bytes (BOM optional, `,` or `;` sniffed from the header line)."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = content.count(b"\n", 0, exc.start) + 1
        return _rejected(line, "the file is not UTF-8 text (save it as 'CSV UTF-8')")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        return _parse_rows(reader)
    except csv.Error as exc:
        return _rejected(reader.line_num, f"the file is not valid CSV ({exc})")


class _LineReader(Protocol):
    """What `csv.reader` returns: rows, and how many physical lines it has read so far."""

    @property
    def line_num(self) -> int: ...

    def __iter__(self) -> Iterator[list[str]]: ...

    def __next__(self) -> list[str]: ...


def _parse_rows(reader: _LineReader) -> ParsedRoster:
    header = next(reader, None)
    if header is None:
        return _rejected(1, "the file is empty; the first line must be the header")
    columns, header_problem = _columns(header)
    if header_problem:
        return _rejected(1, header_problem)
    rows: list[RosterRow] = []
    problems: list[RosterProblem] = []
    end_of_previous = reader.line_num
    for fields in reader:
        line, end_of_previous = end_of_previous + 1, reader.line_num
        if any(field.strip() for field in fields):
            row = _row(line, columns, fields, len(header), problems)
            if row is not None:
                rows.append(row)
    if not rows and not problems:
        return _rejected(1, "the file has a header but nobody in it")
    return ParsedRoster(rows=tuple(rows), problems=tuple(problems))


def _delimiter(text: str) -> str:
    header = text.splitlines()[0] if text else ""
    return ";" if header.count(";") > header.count(",") else ","


def _rejected(line: int, reason: str) -> ParsedRoster:
    return ParsedRoster(rows=(), problems=(RosterProblem(line, reason),))


def _columns(header: list[str]) -> tuple[dict[str, int], str | None]:
    """Column name -> index, or why the header is not usable (other columns are ignored)."""
    columns: dict[str, int] = {}
    for index, raw in enumerate(header):
        name = raw.strip().lower().replace(" ", "_").replace("-", "_")
        if name in columns:
            return columns, f"the header has the column {name!r} twice"
        if name in KNOWN_COLUMNS:
            columns[name] = index
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if not any(name in columns for name in IDENTITY_COLUMNS):
        missing.insert(0, "email or slack_id")
    if missing:
        return columns, (
            f"the header lacks {', '.join(missing)} (expected columns: {EXPECTED_HEADER})"
        )
    return columns, None


def _row(
    line: int, columns: dict[str, int], fields: list[str], width: int,
    problems: list[RosterProblem],
) -> RosterRow | None:
    """The row, if it names someone; its problems are added to `problems`."""

    def cell(name: str) -> str:
        index = columns.get(name)
        return fields[index].strip() if index is not None and index < len(fields) else ""

    def problem(reason: str) -> None:
        problems.append(RosterProblem(line, reason))

    if any(field.strip() for field in fields[width:]):
        problem(f"{len(fields)} values but the header has {width} columns "
                "(quote a value that contains the separator)")
    email, slack_id = cell("email").lower() or None, cell("slack_id").upper() or None
    if email is None and slack_id is None:
        problem("needs an email or a slack_id")
    if email is not None and "@" not in email:
        problem(f"{cell('email')!r} is not an email address")
    roles = _roles(cell("role"), problem)
    manager = _reference(cell("manager"))
    if Role.REP in roles and manager is None:
        problem("a rep needs a manager")
    team = cell("team") or None
    if team is not None and len(team) > TEAM_LENGTH:
        problem(f"the team name is longer than {TEAM_LENGTH} characters")
    timezone = iana_zone(cell("timezone")) if cell("timezone") else None
    if cell("timezone") and timezone is None:
        problem(f"time zone {cell('timezone')!r} is not an IANA name (like Europe/Berlin)")
    if email is None and slack_id is None:
        return None
    return RosterRow(line=line, email=email, slack_id=slack_id, roles=roles, manager=manager,
                     team=team, timezone=timezone)


def _roles(value: str, problem: Callable[[str], None]) -> frozenset[Role]:
    names = [name.strip().lower() for name in value.split("|") if name.strip()]
    if not names:
        problem(f"no role (give one or more of {ROLE_NAMES}, separated by |)")
    unknown = [name for name in names if name not in Role._value2member_map_]
    for name in unknown:
        problem(f"unknown role {name!r} (roles are {ROLE_NAMES})")
    return frozenset(Role(name) for name in names if name not in unknown)


def _reference(value: str) -> str | None:
    """A manager named by email (lower-cased) or Slack id (upper-cased)."""
    if not value:
        return None
    return value.lower() if "@" in value else value.upper()


def iana_zone(name: str) -> str | None:
    """The IANA time zone `name` spells, matched case-insensitively, or None."""
    return _zones_by_lower_name().get(name.strip().lower())


@cache
def _zones_by_lower_name() -> dict[str, str]:
    return {zone.lower(): zone for zone in zoneinfo.available_timezones()}
