"""Logging a coaching item: held, rescheduled or skipped; logging again edits the same row."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from bot.domain.coaching.log_form import LOGGED_FIELDS, LogForm
from bot.domain.local_time import local_date
from bot.errors import NotAllowed, NotFound
from bot.ids import CoachingField
from bot.services.actor import Actor
from bot.services.coaching.behaviours import behaviour_to_ask
from bot.services.coaching.calendar import end_of_week
from bot.services.coaching.notices import queue_log_notice
from bot.services.coaching.policy import may_log_for, refusal, writes_notes
from bot.services.coaching.validation import check_log
from db.models import CoachingItem, LoggedStatus, Person


@dataclass(frozen=True)
class LogResult:
    """The saved item; or the errors to show in the modal; or why the actor may not log it."""

    item: CoachingItem | None = None
    errors: dict[str, str] = field(default_factory=dict)
    refusal: str | None = None


def load_item(*, session: Session, item_id: int) -> CoachingItem:
    """The item with its program, manager and rep."""
    query = select(CoachingItem).where(CoachingItem.id == item_id).options(
        joinedload(CoachingItem.program), joinedload(CoachingItem.manager),
        joinedload(CoachingItem.rep),
    )
    item = session.scalars(query).first()
    if item is None:
        raise NotFound("That coaching session no longer exists.")
    return item


def item_to_log(*, session: Session, item_id: int, actor: Actor) -> CoachingItem:
    """The item, if `actor` may log it (else NotAllowed: nothing is shown or changed)."""
    item = load_item(session=session, item_id=item_id)
    if not may_log_for(session=session, program_id=item.program_id, manager=item.manager,
                       actor=actor):
        raise NotAllowed(refusal(item.rep))
    return item


def record_log(
    *, session: Session, item_id: int, actor: Actor, form: LogForm, now: datetime
) -> LogResult:
    """Check authorization again, validate, store (revision + 1) and queue the rep's DM."""
    item = load_item(session=session, item_id=item_id)
    if not may_log_for(session=session, program_id=item.program_id, manager=item.manager,
                       actor=actor):
        return LogResult(refusal=refusal(item.rep))
    today = logger_today(session=session, item=item, actor=actor, now=now)
    asked = behaviour_to_ask(session=session, item=item, day=item.held_on or today) is not None
    checked = check_log(form, item=item, program=item.program, today=today,
                        behaviour_asked=asked)
    if form.outcome is LoggedStatus.RESCHEDULED and now >= end_of_week(
        item.program, item.effective_due
    ):
        checked.errors[CoachingField.RESCHEDULED_TO.value] = (
            "Its week is over, so it can no longer be moved: log it as held or skipped."
        )
    if checked.errors:
        return LogResult(errors=checked.errors)
    if not writes_notes(item.manager, actor):
        checked.columns[CoachingField.NOTES.value] = item.notes
    _store(item, form.outcome, checked.columns, actor=actor, now=now)
    session.flush()
    queue_log_notice(session=session, item=item, now=now)
    return LogResult(item=item)


def _store(
    item: CoachingItem, outcome: LoggedStatus, columns: dict[str, Any], *, actor: Actor,
    now: datetime,
) -> None:
    """Replace the whole log (fields of another outcome are cleared) and ask the rep again."""
    for name in LOGGED_FIELDS:
        setattr(item, name.value, columns.get(name.value))
    item.status = outcome
    item.revision += 1
    item.logged_by = actor.slack_user_id
    item.logged_at = now
    item.confirmation = None
    item.confirmation_at = None


def logger_today(*, session: Session, item: CoachingItem, actor: Actor, now: datetime) -> date:
    """The date it is for the logger (an admin kickoff-bot does not know: the program's date)."""
    if actor.slack_user_id == item.manager.slack_user_id:
        return local_date(now, item.manager.timezone)
    query = select(Person.timezone).where(
        Person.workspace_id == item.program.workspace_id,
        Person.slack_user_id == actor.slack_user_id,
    )
    return local_date(now, session.scalars(query).first() or item.program.timezone)
