"""Demo scene: the breakout on the event's first afternoon. Every rep is asked at 14:00 New York
time wherever they are from; the reps sign their plans (the services the listeners call, with an
explicit `now`), the managers co-sign, and the next morning's reminder goes only to Ben."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.demo.stage import Stage
from bot.demo.world import PROGRAM, REPS, person
from bot.domain.local_time import at_local
from bot.ids import PlanField
from bot.services.actor import Actor
from bot.services.plans.contract import contract_of
from bot.services.plans.signing import cosign_plan, submit_plan
from db.models import RepPlan

UNSIGNED = "U0BEN"  # writes nothing at the breakout: the one reminder is his
GOALS = {"U0ANA": "$450k closed", "U0ARJ": "60 meetings booked", "U0ARO": "$1.2M pipeline"}
PLAN = {PlanField.OBSTACLE_1: "Too few meetings with economic buyers",
        PlanField.FOCUS: "discovery", PlanField.AGREE: "agree",
        PlanField.COACHING_PLAN: "Review one recorded discovery call in each 1:1"}


def breakout(stage: Stage) -> None:
    """Reps write and sign their plans at the breakout; managers co-sign an hour later."""
    with stage.runtime.session_factory() as session:
        program = stage.runtime.program(session, PROGRAM)
        contract = contract_of(session=session, program=program)
    at = at_local(contract.breakout_date(program), contract.breakout_time, program.timezone)
    stage.scene("The breakout: every rep writes a plan, their manager co-signs", at)
    reps = [p.slack_id for p in REPS if p.slack_id != UNSIGNED]
    for n, rep in enumerate(reps):
        signed = at + timedelta(minutes=15 + n)
        stage.timeline.advance_to(signed)
        with stage.runtime.session_factory.begin() as session:
            submit_plan(session=session, program_id=program.id, actor=Actor(rep), now=signed,
                        values=PLAN | {PlanField.GOAL: GOALS.get(rep, "50 meetings booked")})
    cosigned = at + timedelta(hours=1)
    stage.timeline.advance_to(cosigned)
    with stage.runtime.session_factory.begin() as session:
        for plan in session.scalars(select(RepPlan).where(RepPlan.program_id == program.id)):
            cosign_plan(session=session, plan_id=plan.id, revision=plan.revision,
                        actor=Actor(plan.manager.slack_user_id), now=cosigned)
    stage.story.say(f"Every rep but {person(UNSIGNED).name} signs a plan; within the hour each "
                    "manager clicks Co-sign and the plans are locked.")
