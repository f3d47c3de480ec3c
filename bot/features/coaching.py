"""The coaching cadence: managers' 1:1s and reviews, their digest, the rep's confirmation."""

from bot.domain.capabilities import Capability
from bot.domain.home import HomeSection
from bot.domain.kinds import DeliveryKind
from bot.domain.lifecycle import DURING_THE_30_DAYS, PAST_DAY_30
from bot.features.spec import DeliverySpec, Feature, HomeShare
from db.models import CoachingItem, Role
from handlers.listeners import coaching
from scheduler.plans.coaching import CoachingDigestPlanner

FEATURE = Feature(
    name="coaching",
    home=HomeShare(HomeSection.MANAGER),
    planners=(lambda _settings: CoachingDigestPlanner(),),
    deliveries=(
        DeliverySpec(DeliveryKind.COACHING_DIGEST, "manager's coaching digest",
                     DURING_THE_30_DAYS),
        # A session may be logged, and answered, after the read-out.
        DeliverySpec(DeliveryKind.COACHING_RECEIPT, "logged session, sent to the rep",
                     PAST_DAY_30),
        DeliverySpec(DeliveryKind.COACHING_DISPUTE, "rep's dispute, sent to the manager",
                     PAST_DAY_30),
    ),
    listeners=(coaching.register,),
    help=(
        Capability(
            "/kickoff log @rep",
            "log a 1:1, call review or territory review with one of your reps",
            frozenset({Role.MANAGER, Role.ADMIN}), rank=50,
        ),
    ),
    personal_data=(
        CoachingItem.manager_id, CoachingItem.rep_id, CoachingItem.logged_by, CoachingItem.notes,
        CoachingItem.skip_reason, CoachingItem.agreed_behaviour, CoachingItem.call_link,
        CoachingItem.won_call_link, CoachingItem.lost_call_link,
    ),
)
