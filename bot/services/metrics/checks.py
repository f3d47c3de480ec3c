"""Checking metric rows before anything is stored, the same way for a file and for the API.

Every row is checked; a row is named by its line (a file, the header being line 1) or its index
(the API) with each reason it cannot be stored: an unknown person, an unknown metric, a bad
period, text (or NaN, or an infinity, or a negative) in a number, a duplicate of an earlier row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.metrics.periods import parse_period
from bot.domain.metrics.report import read_number
from bot.services.metrics.catalogue import enabled_metrics
from db.models import Membership, Person


@dataclass(frozen=True)
class RowProblem:
    """Why one row cannot be stored; `where` is "line 4" or "row 3"."""

    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


class RawRow(NamedTuple):  # a tuple: an import makes 100,000 of them
    """One row as given: who (email or Slack id), which metric, which period, what value."""

    where: str
    email: str | None
    slack_id: str | None
    metric: str
    period: str
    value: object  # text from a file; a JSON number (or anything else) from the API


class CheckedRow(NamedTuple):
    """A row that may be stored."""

    person_id: int
    metric: str
    period: str
    value: float


def check_rows(
    *, session: Session, program_id: int, rows: Sequence[RawRow]
) -> tuple[list[CheckedRow], list[RowProblem]]:
    """The rows that may be stored, and every problem; callers store nothing if any."""
    people = member_ids(session=session, program_id=program_id)
    metrics = {metric.key for metric in enabled_metrics(session=session, program_id=program_id)}
    checked: list[CheckedRow] = []
    problems: list[RowProblem] = []
    first_seen: dict[tuple[int, str, str], str] = {}
    for row in rows:
        reasons, result = _check(row, people, metrics)
        if result is not None:
            key = (result.person_id, result.metric, result.period)
            if key in first_seen:
                reasons.append(f"a duplicate of {first_seen[key]} (same person, metric, period)")
            else:
                first_seen[key] = row.where
        problems += [RowProblem(row.where, reason) for reason in reasons]
        if not reasons and result is not None:
            checked.append(result)
    return checked, problems


def _check(
    row: RawRow, people: dict[str, int], metrics: set[str]
) -> tuple[list[str], CheckedRow | None]:
    reasons: list[str] = []
    person_id = person_named(row.email, row.slack_id, people, reasons)
    metric = row.metric.strip().lower()
    if metric not in metrics:
        known = ", ".join(sorted(metrics))
        reasons.append(f"unknown metric {row.metric!r} (this program's: {known})")
    try:
        period = parse_period(row.period).label
    except ValueError as exc:
        reasons.append(str(exc))
        period = None
    value = _number(row.value, reasons)
    if person_id is None or period is None or value is None or metric not in metrics:
        return reasons, None
    return reasons, CheckedRow(person_id, metric, period, value)


def person_named(
    email_given: str | None, slack_id_given: str | None, people: dict[str, int],
    reasons: list[str],
) -> int | None:
    """The member a row names by email and/or Slack id (None, with the reason added, if
    nobody or two different people); the tier import names people the same way."""
    email = email_given.strip().lower() if email_given else ""
    slack_id = slack_id_given.strip().upper() if slack_id_given else ""
    if not email and not slack_id:
        reasons.append("needs an email or a slack_id")
        return None
    if not email or not slack_id:  # one way of naming them: one lookup
        person_id = people.get(email or slack_id)
        if person_id is None:
            reasons.append(f"unknown person {email or slack_id!r} (not a member of this "
                           "program)")
        return person_id
    found = {ref: people.get(ref) for ref in (email, slack_id) if ref}
    unknown = [ref for ref, person_id in found.items() if person_id is None]
    if unknown:
        reasons.append(f"unknown person {unknown[0]!r} (not a member of this program)")
        return None
    if len(set(found.values())) > 1:
        reasons.append("the email and the slack_id are two different people")
        return None
    return next(iter(found.values()))


def _number(value: object, reasons: list[str]) -> float | None:
    number, problem = read_number(value)
    if number is None:
        reasons.append(problem or "the value is empty")
    return number


def member_ids(*, session: Session, program_id: int) -> dict[str, int]:
    """Each active member's lower-cased email and upper-cased Slack id -> their person id."""
    people: dict[str, int] = {}
    for person_id, email, slack_id in session.execute(
        select(Person.id, Person.email, Person.slack_user_id)
        .join(Membership, Membership.person_id == Person.id)
        .where(Membership.program_id == program_id, Membership.active.is_(True))
    ):
        people[slack_id.upper()] = person_id
        if email:
            people[email.lower()] = person_id
    return people

