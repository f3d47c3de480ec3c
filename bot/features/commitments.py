"""The manager's commitment at the event's close: the cadence they will run (the program's, plus
sessions they add) and the one behaviour metric they will track."""

from bot.domain.kinds import DeliveryKind
from bot.domain.lifecycle import DURING_THE_30_DAYS
from bot.features.spec import DeliverySpec, Feature
from db.models import ManagerCommitment
from handlers.listeners import commitments
from scheduler.plans.commitments import CommitmentPlanner

FEATURE = Feature(
    name="commitments",
    planners=(lambda _settings: CommitmentPlanner(),),
    deliveries=(
        DeliverySpec(DeliveryKind.COMMITMENT_PROMPT, "manager's commitment, at the event's close",
                     DURING_THE_30_DAYS),
    ),
    listeners=(commitments.register,),
    personal_data=(ManagerCommitment.manager_id,),
)
