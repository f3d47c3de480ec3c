"""Events API listeners."""

from handlers.errors import Listeners
from handlers.events.app_home_opened import handle_app_home_opened_event
from handlers.events.message_im import handle_message_im_event, in_a_dm
from handlers.events.user_change import handle_user_change_event


def register(app: Listeners) -> None:
    """Register every event listener."""
    app.event("user_change")(handle_user_change_event)
    app.event("app_home_opened")(handle_app_home_opened_event)
    app.event("message", matchers=[in_a_dm])(handle_message_im_event)
