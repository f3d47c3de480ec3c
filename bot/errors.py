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
