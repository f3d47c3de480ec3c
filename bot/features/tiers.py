"""Enablement's hidden tiers (shell only: imported, listed for breakouts, metrics' lift by tier)
and rubric calibration (every manager scores one recorded call; App Home and DMs)."""

from bot.domain.capabilities import Capability
from bot.domain.home import HomeSection
from bot.domain.kinds import DeliveryKind
from bot.domain.lifecycle import WHENEVER_RUNNING
from bot.features.spec import DeliverySpec, Feature, HomeShare
from db.models import Calibration, CalibrationScore, RepTier, Role
from handlers.listeners import calibration

FEATURE = Feature(
    name="tiers and calibration",
    home=HomeShare(HomeSection.CALIBRATION),
    deliveries=(
        DeliverySpec(DeliveryKind.CALIBRATION_REQUEST,
                     "rubric calibration: score a recorded call (manager)", WHENEVER_RUNNING),
    ),
    listeners=(calibration.register,),
    help=(
        Capability(
            "App Home: Start a calibration",
            "every manager scores one recorded call privately; see the spread when it closes",
            frozenset({Role.ENABLEMENT, Role.ADMIN}), rank=185,
        ),
        Capability(
            "kickoff-bot tiers import PROGRAM FILE.csv | tiers PROGRAM [--csv] (shell)",
            "hidden tiers by trailing attainment, for breakouts; never shown in Slack",
            frozenset({Role.ADMIN}), rank=186,
        ),
    ),
    # A rep's tier and attainment are theirs: erasing them deletes the row; a manager's
    # calibration scores go with them; who started a calibration is cleared.
    personal_data=(RepTier.person_id, CalibrationScore.manager_id, Calibration.started_by_id),
)
