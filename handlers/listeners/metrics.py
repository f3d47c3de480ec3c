"""Behaviour metrics' listeners: the self-report, the manager's confirm and correct, and the
App Home's reps' numbers and metric settings."""

from bot.ids import ActionId, CallbackId
from handlers.actions.home_metrics import (
    handle_home_metrics_reps_action,
    handle_home_metrics_settings_action,
    handle_home_metrics_upload_action,
)
from handlers.actions.metrics_report import (
    handle_metrics_confirm_action,
    handle_metrics_correct_action,
    handle_metrics_report_action,
)
from handlers.errors import Listeners
from handlers.views.metrics_report import (
    handle_metrics_correct_submission,
    handle_metrics_report_submission,
)
from handlers.views.metrics_settings import handle_metrics_settings_submission
from handlers.views.metrics_upload import handle_metrics_upload_submission


def register(app: Listeners) -> None:
    """Register the metrics listeners."""
    app.action(ActionId.METRICS_REPORT.value)(handle_metrics_report_action)
    app.action(ActionId.METRICS_CORRECT.value)(handle_metrics_correct_action)
    app.action(ActionId.METRICS_CONFIRM.value)(handle_metrics_confirm_action)
    app.view(CallbackId.METRICS_REPORT.value)(handle_metrics_report_submission)
    app.view(CallbackId.METRICS_CORRECT.value)(handle_metrics_correct_submission)
    app.action(ActionId.HOME_METRICS_REPS.value)(handle_home_metrics_reps_action)
    app.action(ActionId.HOME_METRICS_SETTINGS.value)(handle_home_metrics_settings_action)
    app.view(CallbackId.METRICS_SETTINGS.value)(handle_metrics_settings_submission)
    app.action(ActionId.HOME_METRICS_UPLOAD.value)(handle_home_metrics_upload_action)
    app.view(CallbackId.METRICS_UPLOAD.value)(handle_metrics_upload_submission)
