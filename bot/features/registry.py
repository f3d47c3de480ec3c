"""The feature registry: every feature of kickoff-bot, one line each (see README, "Features").

Adding a feature: its own folders (services, blocks, planner, handlers and a `handlers/listeners`
module), its declaration module in bot/features, and one line below.
"""

from bot.features import (
    audit,
    certification,
    coaching,
    commitments,
    core,
    home,
    launch,
    ledger,
    metrics,
    out_of_office,
    plans,
    setup,
    standups,
    surveys,
    tiers,
)
from bot.features.spec import Registry

REGISTRY = Registry((
    core.FEATURE,
    commitments.FEATURE,  # before coaching: the sessions managers added are in its digests
    coaching.FEATURE,
    standups.FEATURE,
    surveys.FEATURE,
    launch.FEATURE,
    setup.FEATURE,
    out_of_office.FEATURE,
    home.FEATURE,
    metrics.FEATURE,
    tiers.FEATURE,
    certification.FEATURE,
    plans.FEATURE,
    audit.FEATURE,  # its planner reads the coaching items coaching's planner creates
    ledger.FEATURE,
))
