"""Out of office's listeners: the App Home button and its modal."""

from bot.ids import ActionId, CallbackId
from handlers.actions.ooo_open import handle_ooo_open_action
from handlers.errors import Listeners
from handlers.views.ooo_set import handle_ooo_submission


def register(app: Listeners) -> None:
    """Register the out-of-office listeners."""
    app.action(ActionId.HOME_OOO.value)(handle_ooo_open_action)
    app.view(CallbackId.OUT_OF_OFFICE.value)(handle_ooo_submission)
