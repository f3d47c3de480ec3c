"""Behaviour metrics: values per rep and week against the pre-kickoff baseline, from a file, the
API and the reps' own weekly reports, which their managers confirm or correct."""

from bot.domain.capabilities import Capability
from bot.domain.home import HomeSection
from bot.domain.kinds import DeliveryKind
from bot.domain.lifecycle import PAST_DAY_30, WHENEVER_RUNNING, Phase
from bot.features.spec import DeliverySpec, Feature, HomeShare
from bot.services.metrics.copying import copy_metric_settings
from db.models import MetricValue, Role
from handlers.listeners import metrics
from scheduler.plans.metrics import MetricsPlanner
from scheduler.plans.metrics_remeasure import RemeasurePlanner

FEATURE = Feature(
    name="behaviour metrics",
    home=HomeShare(HomeSection.METRICS),
    planners=(lambda _settings: MetricsPlanner(), lambda _settings: RemeasurePlanner()),
    deliveries=(
        # week 4's report is asked on its last working day, which may follow the read-out
        DeliverySpec(DeliveryKind.METRICS_PROMPT, "weekly numbers request (self-report)",
                     PAST_DAY_30),
        DeliverySpec(DeliveryKind.METRICS_REMINDER, "weekly numbers reminder", PAST_DAY_30),
        DeliverySpec(DeliveryKind.METRICS_PRE_EVENT, "a typical week before the kickoff (T-7)",
                     frozenset({Phase.PRE_EVENT})),
        DeliverySpec(DeliveryKind.METRICS_REVIEW, "a rep's reported numbers, to their manager",
                     WHENEVER_RUNNING),
        DeliverySpec(DeliveryKind.METRICS_REMEASURE,
                     "re-measure at day 100: baseline vs week 4 vs now", PAST_DAY_30),
    ),
    listeners=(metrics.register,),
    help=(
        Capability(
            "kickoff-bot metrics PROGRAM [--week W] [--json|--csv] (shell)",
            "behaviour metrics against the pre-kickoff baseline, per team and overall",
            frozenset({Role.ADMIN}), rank=180,
        ),
        Capability(
            "kickoff-bot metrics import PROGRAM FILE.csv (shell)",
            "load metric values (email or slack_id, metric, period, value): all rows or none",
            frozenset({Role.ADMIN}), rank=181,
        ),
        Capability(
            "kickoff-bot api-token create | list | revoke PROGRAM NAME (shell)",
            "tokens for POST /api/v1/metrics, one program each",
            frozenset({Role.ADMIN}), rank=182,
        ),
    ),
    personal_data=(MetricValue.person_id, MetricValue.confirmed_by_id),
    copy=(copy_metric_settings,),
)
