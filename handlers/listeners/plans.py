"""The plans feature's listeners: writing and signing a plan, co-signing or returning it."""

from bot.ids import ActionId, CallbackId
from handlers.actions.plan_cosign import handle_plan_cosign_action
from handlers.actions.plan_revise import handle_plan_revise_action
from handlers.actions.plan_view import handle_plan_view_action
from handlers.actions.plan_write import handle_plan_write_action
from handlers.errors import Listeners
from handlers.views.plan_form import handle_plan_form_submission
from handlers.views.plan_revise import handle_plan_revise_submission


def register(app: Listeners) -> None:
    """Register the plans listeners."""
    app.action(ActionId.PLAN_WRITE.value)(handle_plan_write_action)
    app.action(ActionId.PLAN_COSIGN.value)(handle_plan_cosign_action)
    app.action(ActionId.PLAN_REVISE.value)(handle_plan_revise_action)
    app.action(ActionId.PLAN_VIEW.value)(handle_plan_view_action)
    app.view(CallbackId.PLAN_FORM.value)(handle_plan_form_submission)
    app.view(CallbackId.PLAN_REVISE.value)(handle_plan_revise_submission)
