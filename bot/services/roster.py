"""Importing a program's roster: every row checked and resolved first, then written all at once."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.errors import InvalidInput, KickoffError
from bot.services.late_welcome import welcome_newcomers
from bot.services.roster_checks import Member, UserDirectory, check_rows
from bot.services.roster_csv import RosterProblem, RosterRow, iana_zone, parse_roster
from db.models import Membership, MembershipRole, Person, Program, ProgramStatus, Role

SHOWN_PROBLEMS = 50


@dataclass(frozen=True)
class RosterReport:
    """How many memberships an import added, changed, brought back, left out or left alone, and
    how many newcomers to a launched program it queued a welcome for."""

    added: int = 0
    updated: int = 0
    reactivated: int = 0
    deactivated: int = 0
    unchanged: int = 0
    welcomed: int = 0

    def __str__(self) -> str:
        welcomed = f"; {self.welcomed} welcome DM(s) queued" if self.welcomed else ""
        return (
            f"{self.added} added, {self.updated} updated, {self.reactivated} reactivated, "
            f"{self.deactivated} deactivated, {self.unchanged} unchanged{welcomed}"
        )


def describe_import(program: Program, report: RosterReport) -> str:
    """The line the shell prints, and the Slack DM says, after an import."""
    return f"roster of {program.name!r} imported: {report}"


class RosterRejected(KickoffError):
    """The file has bad rows; nothing was imported. str() lists the first SHOWN_PROBLEMS, then
    how many more there are (a wrong file would otherwise print a line per row)."""

    def __init__(self, program: Program, problems: Iterable[RosterProblem]) -> None:
        self.problems = sorted(problems, key=lambda problem: problem.line)
        lines = [str(problem) for problem in self.problems[:SHOWN_PROBLEMS]]
        if (more := len(self.problems) - SHOWN_PROBLEMS) > 0:
            lines.append(f"... and {more} more rows with problems ({len(self.problems)} in all)")
        super().__init__(
            f"roster for {program.name!r} not imported, nothing was changed; fix these rows "
            f"and import the whole file again:\n" + "\n".join(lines)
        )


def import_roster(
    *, session: Session, program: Program, content: bytes, directory: UserDirectory,
    now: datetime,
) -> RosterReport:
    """Make `program`'s members exactly the file's rows, or raise RosterRejected, changing nothing.

    Every row is checked and looked up before anything is written, so a rejected file leaves the
    caller's transaction as it was.
    """
    parsed = parse_roster(content)
    return import_rows(
        session=session,
        program=program,
        rows=parsed.rows,
        problems=parsed.problems,
        directory=directory,
        now=now,
    )


def import_rows(
    *,
    session: Session,
    program: Program,
    rows: Sequence[RosterRow],
    problems: Iterable[RosterProblem],
    directory: UserDirectory,
    now: datetime,
) -> RosterReport:
    """`import_roster` for rows already read (a channel sync builds them): the same checks, the
    same all-or-nothing write; `problems` already found are reported with the new ones. Whoever
    joins a launched program (added or back) is welcomed, once."""
    if program.status is ProgramStatus.ENDED:
        raise InvalidInput(f"Program {program.name!r} has ended; its roster is kept as it was.")
    checked = check_rows(rows=rows, problems=problems, directory=directory)
    if checked.problems:
        raise RosterRejected(program, checked.problems)
    report, newcomers = _write(session, program, checked.members, checked.managers)
    welcomed = welcome_newcomers(session=session, program=program, newcomers=newcomers, now=now)
    return replace(report, welcomed=welcomed)


def _write(
    session: Session, program: Program, members: list[Member], managers: dict[str, str]
) -> tuple[RosterReport, list[Membership]]:
    """Bring people and memberships in line with the file; members left out become inactive.
    Returns the counts and the memberships added or brought back."""
    people, changed_people = _save_people(session, program, members)
    existing = {membership.person_id: membership for membership in program.memberships}
    outcomes: Counter[str] = Counter()
    newcomers: list[Membership] = []
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
        if outcome in ("added", "reactivated"):
            newcomers.append(membership)
    for membership in existing.values():
        if membership.active:
            membership.active = False
            outcomes["deactivated"] += 1
    session.flush()
    return RosterReport(**outcomes), newcomers


def _save_people(
    session: Session, program: Program, members: list[Member]
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
            "name": member.user.name,
            "timezone": _timezone(member, program),
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


def _timezone(member: Member, program: Program) -> str:
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
