"""Checking a roster's rows against the user directory: who each row is, and who manages whom."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from bot.services.roster_csv import RosterProblem, RosterRow


@dataclass(frozen=True)
class DirectoryUser:
    """A workspace member as the user directory (Slack) describes them."""

    id: str
    name: str
    email: str | None
    tz: str | None
    is_bot: bool = False
    deleted: bool = False
    is_guest: bool = False


class UserDirectory(Protocol):
    """Finds workspace members; None when there is no such member."""

    def find_by_email(self, email: str) -> DirectoryUser | None:
        """The member with this email address."""
        ...

    def find_by_id(self, user_id: str) -> DirectoryUser | None:
        """The member with this user id."""
        ...


@dataclass(frozen=True)
class Member:
    """A row of the file and the Slack user it names."""

    row: RosterRow
    user: DirectoryUser


@dataclass(frozen=True)
class CheckedRows:
    """The rows' members, Slack id -> Slack id of each one's manager, and every problem found."""

    members: list[Member]
    managers: dict[str, str]
    problems: list[RosterProblem]


def check_rows(
    *, rows: Sequence[RosterRow], problems: Iterable[RosterProblem], directory: UserDirectory
) -> CheckedRows:
    """Look up every row's Slack user and manager; `problems` already found are kept."""
    found = list(problems)
    members = _resolve(rows, _CachedDirectory(directory), found)
    managers = _managers(members, rows, found)
    found += _cycles(members, managers)
    return CheckedRows(members, managers, found)


class _CachedDirectory:
    """Asks the directory about each distinct person once, whichever key names them."""

    def __init__(self, directory: UserDirectory) -> None:
        self._directory = directory
        self._found: dict[str, DirectoryUser | None] = {}  # "id:U123" or "email:ana@example.com"

    def find(self, row: RosterRow) -> DirectoryUser | None:
        key = f"id:{row.slack_id}" if row.slack_id else f"email:{row.email}"
        if key not in self._found:
            user = (
                self._directory.find_by_id(row.slack_id)
                if row.slack_id
                else self._directory.find_by_email(row.email or "")
            )
            self._found[key] = user
            if user is not None:
                self._found[f"id:{user.id}"] = user
                if user.email:
                    self._found[f"email:{user.email.lower()}"] = user
        return self._found[key]


def _resolve(
    rows: Iterable[RosterRow], directory: _CachedDirectory, problems: list[RosterProblem]
) -> list[Member]:
    """The rows' Slack users; unknown, unfit and repeated people become problems."""
    members: list[Member] = []
    line_of: dict[str, int] = {}
    for row in rows:
        user = directory.find(row)
        if user is None:
            key = "id" if row.slack_id else "email"
            problems.append(
                RosterProblem(row.line, f"no Slack user has the {key} {row.slack_id or row.email}")
            )
        elif reason := _unfit(row, user, line_of.get(user.id)):
            problems.append(RosterProblem(row.line, reason))
        else:
            line_of[user.id] = row.line
            members.append(Member(row, user))
    return members


def _unfit(row: RosterRow, user: DirectoryUser, earlier_line: int | None) -> str | None:
    """Why this row's Slack user cannot take part, if they cannot."""
    if row.slack_id and row.email and user.email and user.email.lower() != row.email:
        return f"{row.slack_id} has the email {user.email} in Slack, not {row.email}"
    if user.deleted:
        return f"{row.label} is deactivated in Slack"
    if user.is_bot:
        return f"{row.label} is a bot, not a person"
    if user.is_guest:
        return f"{row.label} is a guest account; guests cannot take part"
    if earlier_line is not None:
        return f"{row.label} is already listed on line {earlier_line}"
    return None


def _managers(
    members: list[Member], rows: Iterable[RosterRow], problems: list[RosterProblem]
) -> dict[str, str]:
    """Slack id of each member -> Slack id of their manager, who must be a row of the file."""
    by_key: dict[str, str] = {}
    for member in members:
        keys = (
            member.user.id,
            (member.user.email or "").lower(),
            member.row.email,
            member.row.slack_id,
        )
        by_key.update({key: member.user.id for key in keys if key})
    named_in_file = {key for row in rows for key in (row.email, row.slack_id) if key}
    managers: dict[str, str] = {}
    for member in members:
        reference = member.row.manager
        if reference is not None and reference in by_key:
            managers[member.user.id] = by_key[reference]
        elif reference is not None and reference not in named_in_file:
            problems.append(
                RosterProblem(
                    member.row.line, f"manager {reference} is not in the file (give them a row too)"
                )
            )
    return managers


def _cycles(members: list[Member], managers: dict[str, str]) -> list[RosterProblem]:
    """A problem for every row on a manager cycle (A manages B manages A, of any length)."""
    row_of = {member.user.id: member.row for member in members}
    problems: list[RosterProblem] = []
    done: set[str] = set()
    for start in managers:
        path: list[str] = []  # start, their manager, the manager's manager, ...
        person = start
        while person in managers and person not in done and person not in path:
            path.append(person)
            person = managers[person]
        if person in path:  # the chain came back to someone on it: a cycle
            cycle = path[path.index(person) :]
            first = min(range(len(cycle)), key=lambda i: row_of[cycle[i]].line)
            cycle = cycle[first:] + cycle[:first]
            chain = " -> ".join(row_of[member].label for member in [*cycle, cycle[0]])
            problems += [
                RosterProblem(row_of[member].line, f"manager cycle: {chain}") for member in cycle
            ]
        done.update(path)
    return problems
