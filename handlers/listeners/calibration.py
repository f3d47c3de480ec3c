"""Rubric calibration's listeners: start (App Home), score (DM or App Home), and their modals.
Tiers have none: they are shell-only."""

from bot.ids import ActionId, CallbackId
from handlers.actions.calibration_open import (
    handle_calibration_score_action,
    handle_home_calibration_start_action,
)
from handlers.errors import Listeners
from handlers.views.calibration import (
    handle_calibration_score_submission,
    handle_calibration_start_submission,
)


def register(app: Listeners) -> None:
    """Register the calibration listeners."""
    app.action(ActionId.HOME_CALIBRATION_START.value)(handle_home_calibration_start_action)
    app.view(CallbackId.CALIBRATION_START.value)(handle_calibration_start_submission)
    app.action(ActionId.CALIBRATION_SCORE.value)(handle_calibration_score_action)
    app.view(CallbackId.CALIBRATION_SCORE.value)(handle_calibration_score_submission)
