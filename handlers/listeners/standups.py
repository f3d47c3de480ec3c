"""The week-1 standups' listeners: the prompt's buttons, the answer modal, typed DMs."""

from bot.ids import ActionId, CallbackId
from handlers.actions.standup_day import handle_standup_day_action
from handlers.actions.standup_resolve import handle_standup_resolve_action
from handlers.errors import Listeners
from handlers.events.message_im import handle_message_im_event, in_a_dm
from handlers.views.standup_answer import handle_standup_submission


def register(app: Listeners) -> None:
    """Register the standup listeners."""
    app.action(ActionId.STANDUP_ANSWER.value)(handle_standup_day_action)
    app.action(ActionId.STANDUP_EDIT.value)(handle_standup_day_action)
    app.action(ActionId.STANDUP_OUT_TODAY.value)(handle_standup_day_action)
    app.action(ActionId.STANDUP_RESOLVE.value)(handle_standup_resolve_action)
    app.view(CallbackId.STANDUP_ANSWER.value)(handle_standup_submission)
    app.event("message", matchers=[in_a_dm])(handle_message_im_event)
