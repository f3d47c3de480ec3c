"""The App Home's own listeners: publishing it on opening, and paging through its sections."""

from bot.ids import ActionId
from handlers.actions.home_page import handle_home_page_action
from handlers.errors import Listeners
from handlers.events.app_home_opened import handle_app_home_opened_event


def register(app: Listeners) -> None:
    """Register the App Home listeners."""
    app.event("app_home_opened")(handle_app_home_opened_event)
    app.action(ActionId.HOME_PAGE.value)(handle_home_page_action)
    app.action(ActionId.HOME_PAGE_BACK.value)(handle_home_page_action)
