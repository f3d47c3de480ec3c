"""What people open from what `program preview --html` shows: each member's App Home on the
first standup day, and the answer form a standup prompt opens, built as the listeners build
them (the program seen as active, in a savepoint rolled back)."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.blocks.home.compose import build_home_view
from bot.blocks.standup_modal import build_standup_modal
from bot.blocks.standup_refs import ModalRef
from bot.domain.local_time import at_local
from bot.features.registry import REGISTRY
from bot.services.actor import actor_from_profile
from bot.services.home import gather_home
from bot.services.standups.schedule import standup_days
from db.models import Membership, Person, Program, ProgramStatus

View = dict[str, Any]


def home_moment(program: Program) -> datetime:
    """10:00 on the first standup day, in the program's time zone: the program under way."""
    return at_local(standup_days(program)[0].date, time(10), program.timezone)


def members_homes(
    *, session: Session, program: Program, kickoff_admins: tuple[str, ...], at: datetime
) -> dict[str, View]:
    """Each active member's App Home at `at`, by "Name (Slack id)" as the preview names them."""
    savepoint = session.begin_nested()
    try:
        program.status = ProgramStatus.ACTIVE
        session.flush()
        members = session.scalars(select(Person).join(
            Membership, Membership.person_id == Person.id).where(
            Membership.program_id == program.id, Membership.active.is_(True)))
        return {f"{person.name} ({person.slack_user_id})": _home(session, person,
                                                                 kickoff_admins, at)
                for person in members}
    finally:
        savepoint.rollback()


def _home(session: Session, person: Person, kickoff_admins: tuple[str, ...],
          at: datetime) -> View:
    actor = actor_from_profile(slack_user_id=person.slack_user_id, email=person.email,
                               is_workspace_admin=False, kickoff_admins=kickoff_admins)
    data = gather_home(session=session, actor=actor, kickoff_admins=kickoff_admins, now=at)
    return build_home_view(data, sharing=REGISTRY.home_sharing())


def answer_form(program: Program, rep_user_id: str) -> View:
    """The form the Day-1 prompt's Answer button opens for `rep_user_id`."""
    day = standup_days(program)[0]
    return build_standup_modal(day=day, ref=ModalRef(program.id, rep_user_id, day.number, 0),
                               channel=program.standup_channel, initial=None)
