"""The ledger's listeners: recording a decision from the read-out, copying a program from the
App Home."""

from bot.ids import ActionId, CallbackId
from handlers.actions.program_copy_open import handle_program_copy_open_action
from handlers.actions.readout_decide import handle_readout_decide_action
from handlers.errors import Listeners
from handlers.views.decision import handle_decision_submission
from handlers.views.program_copy import handle_program_copy_submission


def register(app: Listeners) -> None:
    """Register the ledger listeners."""
    app.action(ActionId.READOUT_DECIDE.value)(handle_readout_decide_action)
    app.view(CallbackId.DECISION.value)(handle_decision_submission)
    app.action(ActionId.PROGRAM_COPY.value)(handle_program_copy_open_action)
    app.view(CallbackId.PROGRAM_COPY.value)(handle_program_copy_submission)
