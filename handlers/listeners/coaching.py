"""The coaching cadence's listeners: logging a session, and the rep's answer to it."""

from bot.ids import ActionId, CallbackId
from handlers.actions.coaching_answer import handle_coaching_answer_action
from handlers.actions.coaching_log import handle_coaching_log_action
from handlers.actions.coaching_outcome import handle_coaching_outcome_action
from handlers.errors import Listeners
from handlers.views.coaching_log import handle_coaching_log_submission


def register(app: Listeners) -> None:
    """Register the coaching listeners."""
    app.action(ActionId.COACHING_LOG.value)(handle_coaching_log_action)
    app.action(ActionId.COACHING_OUTCOME.value)(handle_coaching_outcome_action)
    app.action(ActionId.COACHING_CONFIRM.value)(handle_coaching_answer_action)
    app.action(ActionId.COACHING_DISPUTE.value)(handle_coaching_answer_action)
    app.view(CallbackId.COACHING_LOG.value)(handle_coaching_log_submission)
