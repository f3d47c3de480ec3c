"""Domain errors: their message is written for the person who acted."""

from __future__ import annotations


class KickoffError(Exception):
    """An error whose message is written for the person who acted."""


class NotAllowed(KickoffError):
    """The caller's roles do not allow this."""


class NotFound(KickoffError):
    """A program, person or item the caller named does not exist."""


class InvalidInput(KickoffError):
    """Input the caller typed is not acceptable; the message says why."""


class InvalidField(InvalidInput):
    """One input is not acceptable; `field` names it so a modal shows the message beside it and
    the shell names the option that was typed."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
