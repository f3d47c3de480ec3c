"""What a program preview plays to show the plan DMs that follow people's clicks: the first rep
signs at the breakout (their manager gets it, and is nudged a working day later), then the
manager asks them to revise it. Played in the preview's rolled-back savepoint."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta

from sqlalchemy.orm import Session

from bot.domain.local_time import at_local
from bot.ids import PlanField
from bot.services.actor import Actor
from bot.services.plans.contract import contract_of
from bot.services.plans.roster import reps_with_plans
from bot.services.plans.signing import ask_to_revise, submit_plan
from db.models import Program

EXAMPLE = "(example)"
SIGNED_AFTER = timedelta(minutes=20)  # into the breakout
RETURNED_AT = time(16)  # the next day, in the manager's zone: after the nudge


def plan_events(*, session: Session, program: Program
                ) -> list[tuple[datetime, Callable[[], None]]]:
    """The first rep (by name) signs; their manager asks them to revise the next afternoon."""
    reps = reps_with_plans(session=session, program=program)
    if not reps:
        return []
    rep, manager = reps[0].rep, reps[0].manager
    contract = contract_of(session=session, program=program)
    signed = at_local(contract.breakout_date(program), contract.breakout_time,
                      program.timezone) + SIGNED_AFTER
    returned = at_local(contract.breakout_date(program) + timedelta(days=1), RETURNED_AT,
                        manager.timezone)
    values = {PlanField.GOAL: f"{EXAMPLE} 60 meetings", PlanField.FOCUS: "discovery",
              PlanField.OBSTACLE_1: f"{EXAMPLE} one obstacle", PlanField.AGREE: "agree",
              PlanField.COACHING_PLAN: f"{EXAMPLE} the coaching plan"}

    def sign() -> None:
        submit_plan(session=session, program_id=program.id, actor=Actor(rep.slack_user_id),
                    values=values, now=signed)

    def send_back() -> None:
        plan = reps_with_plans(session=session, program=program)[0].plan
        if plan is not None:
            ask_to_revise(session=session, plan_id=plan.id, revision=plan.revision,
                          actor=Actor(manager.slack_user_id), reason=f"{EXAMPLE} the reason",
                          now=returned)

    return [(signed, sign), (returned, send_back)]
