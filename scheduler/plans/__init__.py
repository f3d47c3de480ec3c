"""Every feature's planner: what it sends on its own, to whom, and when."""

from __future__ import annotations

from bot.settings import Settings
from scheduler.planning import Planner
from scheduler.plans.audit import AuditPlanner
from scheduler.plans.coaching import CoachingDigestPlanner
from scheduler.plans.standups import StandupPlanner
from scheduler.plans.surveys import SurveyPlanner


def default_planners(settings: Settings) -> list[Planner]:
    """The planners a running kickoff-bot uses (some need a setting, e.g. a survey's key)."""
    # The audit planner comes last: it reads the coaching items the coaching planner creates.
    return [CoachingDigestPlanner(), StandupPlanner(), SurveyPlanner(settings),
            AuditPlanner()]
