"""The weekly coaching-completion audit and the day-32 read-out, in the audit channel."""

from bot.domain.capabilities import Capability
from bot.domain.home import HomeSection
from bot.domain.kinds import DeliveryKind
from bot.domain.lifecycle import PAST_DAY_30
from bot.features.spec import DeliverySpec, Feature, HomeShare
from db.models import AuditSnapshot, Role
from handlers.listeners import audit
from scheduler.plans.audit import AuditPlanner

FEATURE = Feature(
    name="audit",
    home=HomeShare(HomeSection.LEADER),
    planners=(lambda _settings: AuditPlanner(),),
    deliveries=(
        # The week holding day 30 is audited the Monday after it, which may follow the read-out.
        DeliverySpec(DeliveryKind.AUDIT_WEEKLY, "weekly coaching audit", PAST_DAY_30),
        # Posted on its day; a post held up by an outage may go out the day after.
        DeliverySpec(DeliveryKind.AUDIT_READOUT, "day-32 read-out", PAST_DAY_30),
        # Uploaded (shared nowhere) before the weekly post that shows them, which waits for it.
        DeliverySpec(DeliveryKind.AUDIT_FILES, "weekly audit's chart and table, uploaded",
                     PAST_DAY_30),
    ),
    listeners=(audit.register,),
    help=(
        Capability(
            "/kickoff audit [PROGRAM]",
            "this week's coaching-completion audit so far, shown only to you",
            frozenset({Role.LEADER, Role.ADMIN}), rank=160,
        ),
        Capability(
            "kickoff-bot audit PROGRAM [--week YYYY-Www] [--csv FILE] [--json] (shell)",
            "a week's audit as posted (or so far); per-manager and per-rep rows as CSV for RevOps",
            frozenset({Role.LEADER, Role.ADMIN}), rank=170,
        ),
    ),
    personal_data=(AuditSnapshot.numbers,),  # per-manager and per-rep rows, by name
)
