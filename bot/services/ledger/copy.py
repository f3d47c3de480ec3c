"""Running the next one: a new draft copied from a program, with its settings, its roster
re-resolved against Slack (people deactivated since dropped) and whatever each feature declares
it carries (`Feature.copy`: metric settings, survey templates, break-even inputs, ...).

Nothing that happened in the first program comes along: tiers, attainment and other metric
values, answers, coaching plans, deliveries, audits and results stay with it. The copy is a
draft, so it sends nothing until it is launched.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.program_spec import spec_of
from bot.services.people import apply_slack_profile
from bot.services.programs import create_program
from bot.services.roster_checks import UserDirectory
from db.models import Membership, MembershipRole, Person, Program, Workspace


class CopyHook(Protocol):
    """One feature's share of a copy: its program-level settings, from `source` onto `copy`."""

    def __call__(self, *, session: Session, source: Program, copy: Program) -> None: ...


@dataclass(frozen=True)
class CopyOutcome:
    """The new draft, how many members it has, and who was dropped (no longer in Slack)."""

    program: Program
    members: int
    dropped: tuple[str, ...]


def copy_program(
    *, session: Session, source: Program, name: str, kickoff_date: date,
    directory: UserDirectory, hooks: Sequence[CopyHook], today: date,
) -> CopyOutcome:
    """Make the draft `name` kicking off on `kickoff_date` from `source`."""
    values = spec_of(source).model_dump() | {
        "name": name, "kickoff_date": kickoff_date,
        # last year's holidays mean nothing to the next kickoff
        "holidays": [day for day in spec_of(source).holidays if day >= kickoff_date],
    }
    copy = create_program(session=session, workspace=session.get_one(Workspace,
                                                                     source.workspace_id),
                          values=values, today=today)
    copy.smallest_group, copy.retention_days = source.smallest_group, source.retention_days
    members, dropped = _copy_roster(session, source, copy, directory)
    for hook in hooks:
        hook(session=session, source=source, copy=copy)
    session.flush()
    return CopyOutcome(program=copy, members=members, dropped=dropped)


def describe_copy(source: Program, outcome: CopyOutcome) -> str:
    """What a copy made, in words (unescaped: names as typed)."""
    copy = outcome.program
    lines = [f"Created the draft {copy.name!r} (id {copy.id}) from {source.name!r}, kickoff "
             f"{copy.kickoff_date}: {outcome.members} members."]
    if outcome.dropped:
        lines.append(f"Dropped (no longer active in Slack): {', '.join(outcome.dropped)}.")
    lines.append("Nothing is sent until it is launched.")
    return "\n".join(lines)


def _copy_roster(session: Session, source: Program, copy: Program,
                 directory: UserDirectory) -> tuple[int, tuple[str, ...]]:
    """Every active member still active in Slack, with roles, team and manager (a manager
    dropped leaves the rep without one)."""
    memberships = list(session.scalars(select(Membership).where(
        Membership.program_id == source.id, Membership.active.is_(True))))
    kept: list[Membership] = []
    dropped: list[str] = []
    for membership in memberships:
        person = session.get_one(Person, membership.person_id)
        user = directory.find_by_id(person.slack_user_id)
        if user is not None:  # refresh name, zone and active from Slack
            apply_slack_profile(session=session, workspace_id=copy.workspace_id, user=user)
        if user is None or user.deleted or not person.active:
            dropped.append(person.name)
        else:
            kept.append(membership)
    staying = {membership.person_id for membership in kept}
    for membership in kept:
        manager = membership.manager_id if membership.manager_id in staying else None
        session.add(Membership(
            program_id=copy.id, person_id=membership.person_id, manager_id=manager,
            team=membership.team,
            role_grants=[MembershipRole(role=role) for role in membership.roles]))
    session.flush()
    return len(kept), tuple(dropped)
