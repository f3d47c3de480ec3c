"""The manager's commitment's listeners: opening the modal, and its submission."""

from bot.ids import ActionId, CallbackId
from handlers.actions.commitment_open import handle_commitment_open_action
from handlers.errors import Listeners
from handlers.views.commitment import handle_commitment_submission


def register(app: Listeners) -> None:
    """Register the commitment listeners."""
    app.action(ActionId.COMMITMENT_OPEN.value)(handle_commitment_open_action)
    app.view(CallbackId.COMMITMENT.value)(handle_commitment_submission)
