"""Behaviour metrics' listeners: the self-report and the manager's confirm and correct."""

from bot.ids import ActionId, CallbackId
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


def register(app: Listeners) -> None:
    """Register the metrics listeners."""
    app.action(ActionId.METRICS_REPORT.value)(handle_metrics_report_action)
    app.action(ActionId.METRICS_CORRECT.value)(handle_metrics_correct_action)
    app.action(ActionId.METRICS_CONFIRM.value)(handle_metrics_confirm_action)
    app.view(CallbackId.METRICS_REPORT.value)(handle_metrics_report_submission)
    app.view(CallbackId.METRICS_CORRECT.value)(handle_metrics_correct_submission)
