"""The DMs a plan causes, queued in the outbox in the recipient's working window: the manager's
copy to co-sign, and the rep's "please revise" with the manager's reason."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bot.blocks.plans.messages import (
    build_review_message,
    build_revise_message,
    review_fallback,
    revise_fallback,
)
from bot.blocks.text import Block
from bot.domain.kinds import DeliveryKind
from bot.services.availability import dm_window
from bot.services.outbox import Envelope, delivery_key, queue
from db.models import Person, RepPlan


def queue_review(*, session: Session, plan: RepPlan, now: datetime) -> bool:
    """Send this revision of the plan to the manager to co-sign (once per revision)."""
    return queue(session, [_envelope(session, DeliveryKind.PLAN_REVIEW, plan, plan.manager,
                                     review_fallback(plan), build_review_message(plan), now)],
                 now=now) == 1


def queue_revise_notice(*, session: Session, plan: RepPlan, now: datetime) -> bool:
    """Tell the rep their manager asks them to revise this revision, and why (once)."""
    return queue(session, [_envelope(session, DeliveryKind.PLAN_REVISE, plan, plan.rep,
                                     revise_fallback(plan), build_revise_message(plan), now)],
                 now=now) == 1


def _envelope(
    session: Session, kind: DeliveryKind, plan: RepPlan, to: Person, text: str,
    blocks: list[Block], now: datetime,
) -> Envelope:
    window = dm_window(session=session, program=plan.program, person=to, now=now)
    return Envelope(
        key=delivery_key(kind, plan.program_id, to.id, f"{plan.id}.{plan.revision}"),
        kind=kind, workspace_id=plan.program.workspace_id, program_id=plan.program_id,
        person_id=to.id, channel=to.slack_user_id, text=text, blocks=blocks,
        due_at=window.due, window_end=window.end,
    )
