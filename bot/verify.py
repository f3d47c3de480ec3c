"""The gate in front of Bolt: only requests Slack signed, recently, with a body that parses."""

from __future__ import annotations

from slack_bolt.request.internals import parse_body
from slack_sdk import signature

from bot.clock import Clock, system_clock

UNAUTHORIZED = "401 Unauthorized"
BAD_REQUEST = "400 Bad Request"


class EpochSeconds(signature.Clock):
    """slack_sdk's clock read from ours, so a moved or virtual clock verifies as it signs."""

    def __init__(self, clock: Clock) -> None:
        self._clock = clock

    def now(self) -> float:
        return self._clock.now().timestamp()


class RequestGate:
    """Decides, before anything else runs, whether a request to the events endpoint may pass."""

    def __init__(self, signing_secret: str, *, clock: Clock | None = None) -> None:
        epoch = EpochSeconds(clock or system_clock())
        self._verifier = signature.SignatureVerifier(signing_secret, clock=epoch)

    def refusal(
        self, body: bytes, *, timestamp: str | None, signed: str | None, content_type: str | None
    ) -> str | None:
        """The status to refuse with: 401 unless Slack signed it, 400 if signed but unparsable;
        None when the request may reach Bolt."""
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:  # slack_sdk can only verify UTF-8, which is all Slack sends
            return UNAUTHORIZED
        if not self._signed(text, timestamp, signed):
            return UNAUTHORIZED
        if not _parses(text, content_type):
            return BAD_REQUEST
        return None

    def _signed(self, body: str, timestamp: str | None, signed: str | None) -> bool:
        # slack_sdk's verifier raises on a timestamp that int() refuses ("x", ""), and int() also
        # takes forms Slack never sends (" 1", "1_0"): only ASCII digits are a timestamp.
        if not (timestamp and timestamp.isascii() and timestamp.isdigit()):
            return False
        return self._verifier.is_valid(body, timestamp, signed)


def _parses(body: str, content_type: str | None) -> bool:
    """Whether Bolt can read the body: its own parser, so what passes here is what Bolt sees."""
    media_type = content_type.split(";")[0] if content_type else None
    try:
        parsed = parse_body(body, media_type)
    except ValueError:  # JSON that is cut off or not JSON at all, as the body or its `payload`
        return False
    return isinstance(parsed, dict)
