"""The people kickoff-bot knows, kept in line with Slack: finding them, profile changes, leaving.

`Person.active` mirrors the Slack account: False once Slack says the user is deleted, True again
if the account comes back. Planners send nothing to inactive people; memberships are left as
they are, so a returning account takes up its programs again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.errors import NotFound
from bot.services.outbox import cancel_planned
from bot.services.roster_checks import DirectoryUser
from bot.services.roster_csv import iana_zone
from db.models import Delivery, DeliveryStatus, Person

# The error of deliveries cancelled because their recipient left the workspace.
DEACTIVATED = "deactivated"
SLACK_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")


class ProfileOutcome(StrEnum):
    """What applying a Slack profile did to the person."""

    UNKNOWN = "unknown"  # not someone kickoff-bot knows: nothing to do
    UNCHANGED = "unchanged"
    UPDATED = "updated"
    DEACTIVATED = "deactivated"
    REACTIVATED = "reactivated"


def find_person(*, session: Session, workspace_id: int, ref: str) -> Person:
    """The person `ref` names: a Slack user id (U… or W…) or an email address."""
    ref = ref.strip()
    if SLACK_USER_ID.match(ref):
        named = Person.slack_user_id == ref
    else:
        named = func.lower(Person.email) == ref.lower()
    query = select(Person).where(Person.workspace_id == workspace_id, named).order_by(Person.id)
    person = session.scalars(query).first()
    if person is None:
        raise NotFound(f"No person {ref!r} is known to kickoff-bot (import a roster first).")
    return person


def cancel_deliveries_to(
    *, session: Session, person: Person, reason: str,
    due_from: datetime | None = None, due_until: datetime | None = None,
) -> int:
    """Cancel planned messages addressed to `person` (their DMs) due in [due_from, due_until).

    Channel posts that only concern them (their standup answer, say) are left alone.
    """
    addresses = [a for a in (person.slack_user_id, person.dm_channel_id) if a]
    query = select(Delivery.key).where(
        Delivery.person_id == person.id, Delivery.status == DeliveryStatus.PLANNED,
        Delivery.channel.in_(addresses),
    )
    if due_from is not None:
        query = query.where(Delivery.due_at >= due_from)
    if due_until is not None:
        query = query.where(Delivery.due_at < due_until)
    keys = list(session.scalars(query))
    return cancel_planned(session, reason=reason, keys=keys, person_id=person.id) if keys else 0


def deactivate_person(*, session: Session, person: Person) -> int:
    """Mark `person` inactive and cancel every planned message to them; returns how many."""
    person.active = False
    session.flush()
    return cancel_deliveries_to(session=session, person=person, reason=DEACTIVATED)


def apply_slack_profile(
    *, session: Session, workspace_id: int, user: DirectoryUser
) -> ProfileOutcome:
    """Bring the person behind a Slack user up to date: name, email, time zone, active.

    A new time zone needs nothing more: the next planning pass re-plans their messages.
    """
    query = select(Person).where(
        Person.workspace_id == workspace_id, Person.slack_user_id == user.id
    )
    person = session.scalars(query).first()
    return ProfileOutcome.UNKNOWN if person is None else _apply(session, person, user)


@dataclass(frozen=True)
class SyncReport:
    """What a sync with Slack's member list changed; `missing` people were not listed at all."""

    updated: int = 0
    deactivated: int = 0
    reactivated: int = 0
    unchanged: int = 0
    missing: int = 0

    def __str__(self) -> str:
        return (f"{self.updated} updated, {self.deactivated} deactivated, "
                f"{self.reactivated} reactivated, {self.unchanged} unchanged, "
                f"{self.missing} not listed by Slack (left as they were)")


def sync_people(
    *, session: Session, workspace_id: int, users: Iterable[DirectoryUser]
) -> SyncReport:
    """Apply every member of Slack's complete member list to the people kickoff-bot knows.

    Slack lists deleted accounts too (`deleted`); someone not listed at all is left alone, so a
    short or failed listing can never deactivate anybody.
    """
    people = {
        person.slack_user_id: person
        for person in session.scalars(select(Person).where(Person.workspace_id == workspace_id))
    }
    counts = dict.fromkeys(("updated", "deactivated", "reactivated", "unchanged"), 0)
    listed: set[str] = set()
    for user in users:
        person = people.get(user.id)
        if person is not None:
            listed.add(user.id)
            counts[_apply(session, person, user).value] += 1
    return SyncReport(**counts, missing=len(people.keys() - listed))


def _apply(session: Session, person: Person, user: DirectoryUser) -> ProfileOutcome:
    changed = _assign(person, _profile_values(person, user))
    if user.deleted and person.active:
        deactivate_person(session=session, person=person)
        return ProfileOutcome.DEACTIVATED
    if not user.deleted and not person.active:
        person.active = True
        session.flush()
        return ProfileOutcome.REACTIVATED
    session.flush()
    return ProfileOutcome.UPDATED if changed else ProfileOutcome.UNCHANGED


def _profile_values(person: Person, user: DirectoryUser) -> dict[str, object]:
    """The fields Slack's profile sets; an email or time zone Slack does not give is kept."""
    zone = iana_zone(user.tz) if user.tz else None
    return {
        "name": user.name,
        "email": user.email or person.email,
        "timezone": zone or person.timezone,
    }


def _assign(person: Person, values: dict[str, object]) -> bool:
    changed = {name: value for name, value in values.items() if getattr(person, name) != value}
    for name, value in changed.items():
        setattr(person, name, value)
    return bool(changed)
