"""Written commitments: the behaviour contract, the rep's plan signed at the breakout and
co-signed by their manager, its reminder and nudge."""

from bot.domain.kinds import DeliveryKind
from bot.domain.lifecycle import DURING_THE_30_DAYS, PAST_DAY_30
from bot.features.spec import DeliverySpec, Feature
from db.models import RepPlan
from handlers.listeners import plans
from scheduler.plans.rep_plans import PlanPlanner

FEATURE = Feature(
    name="plans",
    planners=(lambda _settings: PlanPlanner(),),
    deliveries=(
        DeliverySpec(DeliveryKind.PLAN_INVITE, "breakout: write and sign your plan",
                     DURING_THE_30_DAYS),
        DeliverySpec(DeliveryKind.PLAN_REMINDER, "plan reminder, to whoever has not signed",
                     DURING_THE_30_DAYS),
        DeliverySpec(DeliveryKind.PLAN_NUDGE, "plan awaiting co-signature, nudge to the manager",
                     DURING_THE_30_DAYS),
        # A plan may be changed, and signed again, after the read-out.
        DeliverySpec(DeliveryKind.PLAN_REVIEW, "rep's signed plan, sent to the manager",
                     PAST_DAY_30),
        DeliverySpec(DeliveryKind.PLAN_REVISE, "manager's ask to revise, sent to the rep",
                     PAST_DAY_30),
    ),
    listeners=(plans.register,),
    personal_data=(
        RepPlan.rep_id, RepPlan.manager_id, RepPlan.goal, RepPlan.obstacles, RepPlan.focus,
        RepPlan.coaching_plan, RepPlan.revise_reason,
    ),
)
