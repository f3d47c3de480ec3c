"""Week-1 standups: a prompt each working day, answers in the channel's thread, blockers."""

from bot.domain.capabilities import Capability
from bot.domain.home import HomeSection
from bot.domain.kinds import DeliveryKind
from bot.domain.lifecycle import DURING_THE_30_DAYS, PAST_DAY_30
from bot.features.spec import DeliverySpec, Feature, HomeShare
from db.models import Role, StandupAnswer, StandupTypedText
from handlers.listeners import standups
from scheduler.plans.standups import StandupPlanner

FEATURE = Feature(
    name="standups",
    home=HomeShare(HomeSection.REP),
    planners=(lambda _settings: StandupPlanner(),),
    deliveries=(
        DeliverySpec(DeliveryKind.STANDUP_PROMPT, "standup prompt", DURING_THE_30_DAYS),
        DeliverySpec(DeliveryKind.STANDUP_REMINDER, "standup reminder", DURING_THE_30_DAYS),
        DeliverySpec(DeliveryKind.STANDUP_THREAD, "standup thread of the day", DURING_THE_30_DAYS),
        DeliverySpec(DeliveryKind.STANDUP_REPLY, "standup answer in the thread",
                     DURING_THE_30_DAYS),
        DeliverySpec(DeliveryKind.STANDUP_COUNT, "standup thread's answer count",
                     DURING_THE_30_DAYS),
        # A blocker raised in week 1 may be edited or resolved after the read-out.
        DeliverySpec(DeliveryKind.STANDUP_BLOCKER, "blocker sent to the manager", PAST_DAY_30),
        DeliverySpec(DeliveryKind.STANDUP_BLOCKER_RESOLVED, "blocker resolved, told to the rep",
                     PAST_DAY_30),
    ),
    listeners=(standups.register,),
    help=(
        Capability(
            "/kickoff standup",
            "answer (or edit) today's week-1 standup: one new activity, one small win, one blocker",
            frozenset({Role.REP}), rank=30,
        ),
        Capability(
            "kickoff-bot standups PROGRAM [--json] (shell)",
            "standup participation per day, team and manager, and open blockers",
            frozenset({Role.ADMIN, Role.ENABLEMENT}), rank=40,
        ),
    ),
    personal_data=(
        StandupAnswer.person_id, StandupAnswer.manager_id, StandupAnswer.blocker_resolved_by_id,
        StandupAnswer.activity, StandupAnswer.win, StandupAnswer.blocker,
        StandupAnswer.blocker_key,  # the key of the DM to the manager names both
        StandupTypedText.person_id, StandupTypedText.text,
    ),
)
