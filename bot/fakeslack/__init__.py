"""A local fake Slack Web API and a sender of signed Slack requests, for tests and the demo."""

from bot.fakeslack.server import FakeSlack
from bot.fakeslack.signed import SignedSender, SlackResponse
from bot.fakeslack.workspace import Call

__all__ = ["Call", "FakeSlack", "SignedSender", "SlackResponse"]
