"""The ROI ledger: decisions recorded on the day-32 read-out (in its thread), break-even beside
the attainment lift over the same period, the ledger itself and copying a program for the next
kickoff."""

from bot.domain.capabilities import Capability
from bot.domain.kinds import DeliveryKind
from bot.domain.lifecycle import PAST_DAY_30
from bot.features.spec import DeliverySpec, Feature
from bot.services.ledger.carry import copy_break_even
from bot.services.ledger.columns import READOUT_COLUMNS
from db.models import Decision, DecisionRevision, Role
from handlers.listeners import ledger

FEATURE = Feature(
    name="ledger",
    deliveries=(
        # Queued by the decision service when a decision is recorded or edited.
        DeliverySpec(DeliveryKind.DECISION_REPLY, "a decision, in the read-out's thread",
                     PAST_DAY_30),
    ),
    listeners=(ledger.register,),
    help=(
        Capability(
            "Record a decision (button under the day-32 read-out)",
            "keep, change or kill each intervention, with an owner, a reason and the confounds",
            frozenset({Role.LEADER, Role.ENABLEMENT, Role.ADMIN}), rank=165,
        ),
        Capability(
            "kickoff-bot ledger [--csv|--md] (shell)",
            "every program's decisions beside its read-out figures and break-even",
            frozenset({Role.LEADER, Role.ADMIN}), rank=175,
        ),
        Capability(
            "kickoff-bot program copy PROGRAM --name N --kickoff-date D (shell)",
            "a new draft with the settings, templates and roster re-resolved in Slack",
            frozenset({Role.ADMIN}), rank=176,
        ),
    ),
    personal_data=(Decision.owner_id, Decision.recorded_by_id, DecisionRevision.owner_id,
                   DecisionRevision.saved_by_id),
    copy=(copy_break_even,),
    ledger=READOUT_COLUMNS,
)
