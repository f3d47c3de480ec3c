"""The behaviours reps agreed to change in call reviews, and whether they changed: the last one
is shown in the next 1:1 or call review's log form (with "Did it change?"), beside the rep in
the manager's digest, and all of them in the rep's App Home."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.follow_through import FollowCounts
from db.models import CadenceType, CoachingItem, LoggedStatus

# The log forms that ask whether the last agreed behaviour changed.
ASKED_IN = frozenset({CadenceType.ONE_ON_ONE, CadenceType.CALL_REVIEW})


@dataclass(frozen=True)
class Agreed:
    """A behaviour agreed in a held call review."""

    item_id: int
    rep_id: int
    held_on: date
    text: str


def agreed_behaviours(
    *, session: Session, program_id: int, rep_ids: Collection[int] | None = None
) -> dict[int, list[Agreed]]:
    """By rep, the behaviours agreed in held sessions, oldest first (one query)."""
    query = select(CoachingItem.id, CoachingItem.rep_id, CoachingItem.held_on,
                   CoachingItem.due_date, CoachingItem.agreed_behaviour).where(
        CoachingItem.program_id == program_id, CoachingItem.status == LoggedStatus.DONE,
        CoachingItem.agreed_behaviour.is_not(None),
    )
    if rep_ids is not None:
        query = query.where(CoachingItem.rep_id.in_(list(rep_ids)))
    found: dict[int, list[Agreed]] = {}
    for item_id, rep_id, held_on, due, text in session.execute(query):
        found.setdefault(rep_id, []).append(Agreed(item_id, rep_id, held_on or due, text or ""))
    for agreed in found.values():
        agreed.sort(key=lambda a: (a.held_on, a.item_id))
    return found


def latest_behaviours(*, session: Session, program_id: int, rep_ids: Collection[int]
                      ) -> dict[int, str]:
    """Each rep's last agreed behaviour (the digest shows it beside them)."""
    found = agreed_behaviours(session=session, program_id=program_id, rep_ids=rep_ids)
    return {rep_id: agreed[-1].text for rep_id, agreed in found.items()}


def behaviour_to_ask(*, session: Session, item: CoachingItem, day: date) -> str | None:
    """The behaviour to ask about when logging `item` held on `day`: the rep's last one agreed
    in another session held by then (None for a territory review, or before any was agreed)."""
    if item.cadence not in ASKED_IN:
        return None
    found = agreed_behaviours(session=session, program_id=item.program_id,
                              rep_ids=[item.rep_id]).get(item.rep_id, [])
    earlier = [a for a in found if a.item_id != item.id and a.held_on <= day]
    return earlier[-1].text if earlier else None


def behaviour_follow_through(*, session: Session, program_id: int, rep_id: int) -> FollowCounts:
    """How often the rep's agreed behaviours changed, as their managers answered."""
    counts = FollowCounts()
    answers = session.scalars(select(CoachingItem.behaviour_changed).where(
        CoachingItem.program_id == program_id, CoachingItem.rep_id == rep_id,
        CoachingItem.behaviour_changed.is_not(None)))
    for change in answers:
        counts.add(change)
    return counts
