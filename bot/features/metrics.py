"""Behaviour metrics: values per rep and week against the pre-kickoff baseline."""

from bot.domain.capabilities import Capability
from bot.features.spec import Feature
from db.models import MetricValue, Role

FEATURE = Feature(
    name="behaviour metrics",
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
    ),
    personal_data=(MetricValue.person_id, MetricValue.confirmed_by_id),
)
