"""The audit's listeners: choosing the week shown in the leader's App Home."""

from bot.ids import ActionId
from handlers.actions.home_audit import handle_home_audit_week_action
from handlers.errors import Listeners


def register(app: Listeners) -> None:
    """Register the audit listeners."""
    app.action(ActionId.HOME_AUDIT_WEEK.value)(handle_home_audit_week_action)
