"""Importing a program's roster: every row checked and resolved first, then written all at once."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.errors import InvalidInput, KickoffError
from bot.services.roster_csv import RosterProblem, RosterRow, iana_zone, parse_roster
from db.models import Membership, MembershipRole, Person, Program, ProgramStatus, Role


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
class RosterReport:
    """How many memberships an import added, changed, brought back, left out or left alone."""

    added: int = 0
    updated: int = 0
    reactivated: int = 0
    deactivated: int = 0
    unchanged: int = 0

    def __str__(self) -> str:
        return (f"{self.added} added, {self.updated} updated, {self.reactivated} reactivated, "
                f"{self.deactivated} deactivated, {self.unchanged} unchanged")


class RosterRejected(KickoffError):
    """The file has bad rows; nothing was imported. str() lists every one."""

    def __init__(self, program: Program, problems: Iterable[RosterProblem]) -> None:
        self.problems = sorted(problems, key=lambda problem: problem.line)
        lines = "\n".join(str(problem) for problem in self.problems)
        super().__init__(
            f"roster for {program.name!r} not imported, nothing was changed; fix these rows "
            f"and import the whole file again:\n{lines}"
        )


@dataclass(frozen=True)
class _Member:
    row: RosterRow
    user: DirectoryUser


def import_roster(
    *, session: Session, program: Program, content: bytes, directory: UserDirectory
) -> RosterReport:
    """Make `program`'s members exactly the file's rows, or raise RosterRejected, changing nothing.

    Every row is checked and looked up before anything is written, so a rejected file leaves the
    caller's transaction as it was.
    """
    if program.status is ProgramStatus.ENDED:
        raise InvalidInput(f"Program {program.name!r} has ended; its roster is kept as it was.")
    parsed = parse_roster(content)
    problems = list(parsed.problems)
    members = _resolve(parsed.rows, _CachedDirectory(directory), problems)
    managers = _managers(members, parsed.rows, problems)
    problems += _cycles(members, managers)
    if problems:
        raise RosterRejected(program, problems)
    return _write(session, program, members, managers)


class _CachedDirectory:
    """Asks the directory about each distinct person once, whichever key names them."""

    def __init__(self, directory: UserDirectory) -> None:
        self._directory = directory
        self._found: dict[str, DirectoryUser | None] = {}  # "id:U123" or "email:ana@example.com"

    def find(self, row: RosterRow) -> DirectoryUser | None:
        key = f"id:{row.slack_id}" if row.slack_id else f"email:{row.email}"
        if key not in self._found:
            user = (self._directory.find_by_id(row.slack_id) if row.slack_id
                    else self._directory.find_by_email(row.email or ""))
            self._found[key] = user
            if user is not None:
                self._found[f"id:{user.id}"] = user
                if user.email:
                    self._found[f"email:{user.email.lower()}"] = user
        return self._found[key]


def _resolve(
    rows: Iterable[RosterRow], directory: _CachedDirectory, problems: list[RosterProblem]
) -> list[_Member]:
    """The rows' Slack users; unknown, unfit and repeated people become problems."""
    members: list[_Member] = []
    line_of: dict[str, int] = {}
    for row in rows:
        user = directory.find(row)
        if user is None:
            key = "id" if row.slack_id else "email"
            problems.append(RosterProblem(
                row.line, f"no Slack user has the {key} {row.slack_id or row.email}"
            ))
        elif reason := _unfit(row, user, line_of.get(user.id)):
            problems.append(RosterProblem(row.line, reason))
        else:
            line_of[user.id] = row.line
            members.append(_Member(row, user))
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
    members: list[_Member], rows: Iterable[RosterRow], problems: list[RosterProblem]
) -> dict[str, str]:
    """Slack id of each member -> Slack id of their manager, who must be a row of the file."""
    by_key: dict[str, str] = {}
    for member in members:
        keys = (member.user.id, (member.user.email or "").lower(), member.row.email,
                member.row.slack_id)
        by_key.update({key: member.user.id for key in keys if key})
    named_in_file = {key for row in rows for key in (row.email, row.slack_id) if key}
    managers: dict[str, str] = {}
    for member in members:
        reference = member.row.manager
        if reference is not None and reference in by_key:
            managers[member.user.id] = by_key[reference]
        elif reference is not None and reference not in named_in_file:
            problems.append(RosterProblem(
                member.row.line, f"manager {reference} is not in the file (give them a row too)"
            ))
    return managers


def _cycles(members: list[_Member], managers: dict[str, str]) -> list[RosterProblem]:
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
            cycle = path[path.index(person):]
            first = min(range(len(cycle)), key=lambda i: row_of[cycle[i]].line)
            cycle = cycle[first:] + cycle[:first]
            chain = " -> ".join(row_of[member].label for member in [*cycle, cycle[0]])
            problems += [RosterProblem(row_of[member].line, f"manager cycle: {chain}")
                         for member in cycle]
        done.update(path)
    return problems


def _write(
    session: Session, program: Program, members: list[_Member], managers: dict[str, str]
) -> RosterReport:
    """Bring people and memberships in line with the file; members left out become inactive."""
    people, changed_people = _save_people(session, program, members)
    existing = {membership.person_id: membership for membership in program.memberships}
    outcomes: Counter[str] = Counter()
    for member in members:
        person = people[member.user.id]
        manager = people[managers[member.user.id]] if member.user.id in managers else None
        membership = existing.pop(person.id, None)
        if membership is None:
            membership = Membership(person=person)
            program.memberships.append(membership)
            outcome = "added"
        else:
            outcome = "reactivated" if not membership.active else "unchanged"
        changed = _save_membership(membership, member.row, manager)
        if outcome == "unchanged" and (changed or member.user.id in changed_people):
            outcome = "updated"
        outcomes[outcome] += 1
    for membership in existing.values():
        if membership.active:
            membership.active = False
            outcomes["deactivated"] += 1
    session.flush()
    return RosterReport(**outcomes)


def _save_people(
    session: Session, program: Program, members: list[_Member]
) -> tuple[dict[str, Person], set[str]]:
    """Each member's Person by Slack id, created or brought up to date; the ids of those changed."""
    query = select(Person).where(
        Person.workspace_id == program.workspace_id,
        Person.slack_user_id.in_([member.user.id for member in members]),
    )
    people = {person.slack_user_id: person for person in session.scalars(query)}
    changed: set[str] = set()
    for member in members:
        values: dict[str, object] = {
            "name": member.user.name, "timezone": _timezone(member, program)
        }
        if email := member.user.email or member.row.email:
            values["email"] = email
        person = people.get(member.user.id)
        if person is None:
            person = Person(workspace_id=program.workspace_id, slack_user_id=member.user.id)
            people[member.user.id] = person
            session.add(person)
        if _assign(person, values) and person.id is not None:
            changed.add(member.user.id)
    session.flush()
    return people, changed


def _timezone(member: _Member, program: Program) -> str:
    """The Slack profile's time zone, else the file's, else the program's."""
    for candidate in (member.user.tz, member.row.timezone):
        zone = iana_zone(candidate) if candidate else None
        if zone is not None:
            return zone
    return program.timezone


def _save_membership(membership: Membership, row: RosterRow, manager: Person | None) -> bool:
    """Give `membership` the row's roles, team and manager, active; True if anything changed."""
    changed = _set_roles(membership, row.roles)
    changed |= _assign(membership, {"team": row.team, "active": True})
    manager_id = manager.id if manager is not None else None
    if membership.manager_id != manager_id:
        membership.manager = manager
        changed = True
    return changed


def _set_roles(membership: Membership, roles: frozenset[Role]) -> bool:
    grants = {grant.role: grant for grant in membership.role_grants}
    if set(grants) == roles:
        return False
    for role, grant in grants.items():
        if role not in roles:
            membership.role_grants.remove(grant)
    membership.role_grants.extend(MembershipRole(role=role) for role in roles - set(grants))
    return True


def _assign(target: object, values: dict[str, object]) -> bool:
    """Set the attributes that differ; True if any did."""
    changed = {name: value for name, value in values.items() if getattr(target, name) != value}
    for name, value in changed.items():
        setattr(target, name, value)
    return bool(changed)
