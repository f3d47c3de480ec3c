"""Program set-up's listeners: programs, rosters and "send me a test" in the admin's App Home."""

from bot.ids import ActionId, CallbackId
from handlers.actions.program_open import handle_program_open_action
from handlers.actions.roster_open import handle_roster_open_action
from handlers.actions.send_test_open import handle_send_test_open_action
from handlers.errors import Listeners
from handlers.views.program_setup import handle_program_setup_submission
from handlers.views.roster_sync import handle_roster_sync_submission
from handlers.views.roster_upload import handle_roster_upload_submission
from handlers.views.send_test import handle_send_test_submission


def register(app: Listeners) -> None:
    """Register the set-up listeners."""
    app.action(ActionId.PROGRAM_CREATE.value)(handle_program_open_action)
    app.action(ActionId.PROGRAM_EDIT.value)(handle_program_open_action)
    app.action(ActionId.ROSTER_UPLOAD.value)(handle_roster_open_action)
    app.action(ActionId.ROSTER_SYNC.value)(handle_roster_open_action)
    app.action(ActionId.SEND_TEST.value)(handle_send_test_open_action)
    app.view(CallbackId.PROGRAM_SETUP.value)(handle_program_setup_submission)
    app.view(CallbackId.ROSTER_UPLOAD.value)(handle_roster_upload_submission)
    app.view(CallbackId.ROSTER_SYNC.value)(handle_roster_sync_submission)
    app.view(CallbackId.SEND_TEST.value)(handle_send_test_submission)
