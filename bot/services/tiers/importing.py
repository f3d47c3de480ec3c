"""`kickoff-bot tiers import PROGRAM FILE.csv`: each rep's tier, all rows or none.

UTF-8 (a BOM is fine), commas or semicolons; columns `email` or `slack_id` (or both) and
`attainment` (percent of quota over the trailing 6 months; "104.5", "104,5" or "104.5%") or
`tier` (top, middle, bottom). A row's tier, when given, is kept as it is; the rows that give only
attainment are split into thirds (bot/domain/tiers/thirds.py). The file replaces the program's
tiers. Tiers are stored apart from the roster and shown only in the shell.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot.domain.metrics.report import read_number
from bot.domain.tiers.thirds import tiers_by_thirds
from bot.errors import KickoffError
from bot.services.metrics.checks import RowProblem, member_ids, person_named
from db.models import Membership, MembershipRole, Program, RepTier, Role, Tier

COLUMNS = ("email", "slack_id", "attainment", "tier")


class _LineReader(Protocol):
    """What `csv.reader` returns: rows, and how many physical lines it has read so far."""

    @property
    def line_num(self) -> int: ...

    def __iter__(self) -> Iterator[list[str]]: ...


@dataclass(frozen=True)
class _Row:
    person_id: int
    attainment: float | None
    tier: Tier | None


class TiersRejected(KickoffError):
    """Rows that cannot be stored; nothing was. str() names every one by its line."""

    def __init__(self, program: Program, problems: list[RowProblem]) -> None:
        self.problems = problems
        lines = "\n".join(str(problem) for problem in problems)
        super().__init__(f"tiers of {program.name!r} not stored, nothing was changed; fix "
                         f"these rows and import the file again:\n{lines}")


def import_tiers(
    *, session: Session, program: Program, content: bytes, now: datetime
) -> Counter[Tier]:
    """Replace the program's tiers with the file's, or raise TiersRejected; reps per tier."""
    rows, problems = _read(session, program.id, content)
    if problems:
        raise TiersRejected(program, problems)
    split = tiers_by_thirds({row.person_id: row.attainment for row in rows
                             if row.tier is None and row.attainment is not None})
    session.execute(delete(RepTier).where(RepTier.program_id == program.id))
    session.add_all(RepTier(program_id=program.id, person_id=row.person_id,
                            tier=row.tier or split[row.person_id], attainment=row.attainment,
                            imported_at=now) for row in rows)
    session.flush()
    return Counter(row.tier or split[row.person_id] for row in rows)


def _read(session: Session, program_id: int, content: bytes) -> tuple[list[_Row], list[RowProblem]]:
    """The file's rows checked against the program's reps, and every problem by line."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [], [RowProblem("line 1", "the file is not UTF-8 text (save it as 'CSV UTF-8')")]
    first = text.splitlines()[0] if text else ""
    reader = csv.reader(io.StringIO(text, newline=""),
                        delimiter=";" if first.count(";") > first.count(",") else ",")
    header = [name.strip().lower() for name in next(reader, [])]
    if not {"email", "slack_id"} & set(header) or not {"attainment", "tier"} & set(header):
        return [], [RowProblem("line 1", "the header needs email or slack_id, and attainment "
                               "or tier")]
    where = [header.index(name) if name in header else None for name in COLUMNS]
    try:
        return _check(reader, where, member_ids(session=session, program_id=program_id),
                      _rep_ids(session, program_id))
    except csv.Error as exc:
        return [], [RowProblem(f"line {reader.line_num}", f"the file is not valid CSV ({exc})")]


def _check(
    reader: _LineReader, where: list[int | None], people: dict[str, int], reps: set[int]
) -> tuple[list[_Row], list[RowProblem]]:
    rows: list[_Row] = []
    problems: list[RowProblem] = []
    seen: dict[int, int] = {}
    end = reader.line_num
    for fields in reader:
        line, end = end + 1, reader.line_num  # a row's first physical line
        if not any(f.strip() for f in fields):
            continue
        email, slack_id, attainment, tier = (
            fields[i].strip() if i is not None and i < len(fields) else "" for i in where)
        reasons: list[str] = []
        row = _row(email, slack_id, attainment, tier, people, reps, reasons)
        if row is not None and row.person_id in seen:
            reasons.append(f"a duplicate of line {seen[row.person_id]} (same rep)")
        elif row is not None:
            seen[row.person_id] = line
            rows.append(row)
        problems += [RowProblem(f"line {line}", reason) for reason in reasons]
    return rows, problems


def _row(
    email: str, slack_id: str, attainment: str, tier: str, people: dict[str, int],
    reps: set[int], reasons: list[str],
) -> _Row | None:
    person_id = person_named(email or None, slack_id or None, people, reasons)
    if person_id is not None and person_id not in reps:
        reasons.append(f"{email or slack_id!r} is not a rep of this program")
    number, problem = read_number(attainment.removesuffix("%").strip())
    if problem:
        reasons.append(f"attainment: {problem.removeprefix('value ')}")
    named = tier.lower()
    if named and named not in {t.value for t in Tier}:
        reasons.append(f"tier {tier!r} is not top, middle or bottom")
    if not attainment and not named:
        reasons.append("needs an attainment or a tier")
    if reasons or person_id is None:
        return None
    return _Row(person_id, number, Tier(named) if named else None)


def _rep_ids(session: Session, program_id: int) -> set[int]:
    return set(session.scalars(
        select(Membership.person_id)
        .join(MembershipRole, MembershipRole.membership_id == Membership.id)
        .where(Membership.program_id == program_id, Membership.active.is_(True),
               MembershipRole.role == Role.REP)))
