"""Every Slack id the app registers or renders: command, action, block and callback ids."""

from enum import StrEnum

COMMAND = "/kickoff"


class ActionId(StrEnum):
    """action_id values of interactive elements."""


class CallbackId(StrEnum):
    """callback_id values of modals."""
