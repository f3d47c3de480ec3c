"""SignedSender: posts commands, actions and events to an app, signed the way Slack signs."""

from __future__ import annotations

import hashlib
import hmac
import json
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from bot.clock import Clock
from bot.fakeslack.server import FakeSlack
from bot.fakeslack.workspace import Json

# Slack still sends the deprecated verification token; apps must not rely on it.
VERIFICATION_TOKEN = "fake-verification-token"


@dataclass(frozen=True)
class SlackResponse:
    """What the app answered: status, raw body and the body as JSON when it is JSON."""

    status: int
    body: str
    json: dict[str, Any] | None


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """Slack's v0 request signature of a body sent at `timestamp`."""
    base = b"v0:" + timestamp.encode() + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


class SignedSender:
    """Sends what Slack would send to an app's request URL, with ids minted on `fake`.

    Requests are stamped with the fake Slack's clock unless another is given (a sender running
    late): the app verifies with the same clock, so a moved or virtual clock still verifies.
    """

    def __init__(
        self, *, url: str, signing_secret: str, fake: FakeSlack, clock: Clock | None = None
    ) -> None:
        self.url = url
        self.signing_secret = signing_secret
        self.fake = fake
        self.clock = clock or fake.clock

    def command(
        self, command: str, text: str = "", *, user_id: str, channel_id: str
    ) -> SlackResponse:
        """A slash command, form-encoded as Slack posts it."""
        ws = self.fake.workspace
        form = {
            "token": VERIFICATION_TOKEN,
            "team_id": ws.team_id,
            "team_domain": ws.team_domain,
            "channel_id": channel_id,
            "channel_name": channel_id,
            "user_id": user_id,
            "user_name": self._user(user_id)["name"],
            "command": command,
            "text": text,
            "api_app_id": ws.app_id,
            "is_enterprise_install": "false",
            "response_url": self.fake.response_url(),
            "trigger_id": self.fake.trigger_id(),
        }
        return self._form(form)

    def command_reply(
        self, command: str, text: str = "", *, user_id: str, channel_id: str
    ) -> Json:
        """Send a slash command and wait for the app's answer to its response_url."""
        before = len(self.fake.responses)
        response = self.command(command, text, user_id=user_id, channel_id=channel_id)
        if response.status != 200:
            raise AssertionError(f"the app answered {command} {text!r} with {response.status}")
        self.fake.wait_for(lambda: len(self.fake.responses) > before)
        return self.fake.responses[before]

    def action(
        self,
        *,
        user_id: str,
        action_id: str,
        value: str | None = None,
        block_id: str = "block",
        container: Json | None = None,
        view: Json | None = None,
        message: Json | None = None,
        channel_id: str | None = None,
    ) -> SlackResponse:
        """A block_actions payload: a click in a message (with a response_url) or a view."""
        action: Json = {
            "type": "button",
            "action_id": action_id,
            "block_id": block_id,
            "action_ts": f"{self._now():.6f}",
        }
        if value is not None:
            action["value"] = value
        payload = self._interaction("block_actions", user_id) | {
            "container": container or _container(view, message, channel_id),
            "actions": [action],
            "state": {"values": {}},
        }
        if view is not None:
            payload["view"] = view
        else:
            payload["response_url"] = self.fake.response_url()
        if message is not None:
            payload["message"] = message
        if channel_id is not None:
            payload["channel"] = {"id": channel_id, "name": channel_id}
        return self._form({"payload": json.dumps(payload)})

    def view_submission(
        self,
        *,
        user_id: str,
        callback_id: str,
        values: dict[str, dict[str, Json]],
        private_metadata: str | None = None,
        view_id: str | None = None,
    ) -> SlackResponse:
        """A view_submission; a `view_id` the fake knows lends its blocks, title and metadata."""
        base = self.fake.views.get(view_id or "", {"id": view_id or "VSUBMITTED", "type": "modal"})
        view = base | {
            "callback_id": callback_id,
            "private_metadata": base.get("private_metadata", "")
            if private_metadata is None
            else private_metadata,
            "state": {"values": values},
        }
        payload = self._interaction("view_submission", user_id) | {
            "view": view,
            "response_urls": [],
        }
        return self._form({"payload": json.dumps(payload)})

    def event(
        self, event: Json, *, event_id: str | None = None, retry_num: int | None = None
    ) -> SlackResponse:
        """An Events API event_callback; `retry_num` makes it one of Slack's retries."""
        ws = self.fake.workspace
        envelope = {
            "token": VERIFICATION_TOKEN,
            "team_id": ws.team_id,
            "api_app_id": ws.app_id,
            "event": {"event_ts": f"{self._now():.6f}", **event},
            "type": "event_callback",
            "event_id": event_id or f"Ev{uuid.uuid4().hex[:10].upper()}",
            "event_time": int(self._now()),
            "is_ext_shared_channel": False,
            "authorizations": [
                {
                    "enterprise_id": None,
                    "team_id": ws.team_id,
                    "is_bot": True,
                    "user_id": ws.bot_user_id,
                    "is_enterprise_install": False,
                }
            ],
        }
        headers = {"Content-Type": "application/json"}
        if retry_num is not None:
            headers |= {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": "http_timeout"}
        return self.send_raw(json.dumps(envelope).encode(), headers)

    def send_raw(
        self,
        body: bytes,
        headers: dict[str, str],
        *,
        timestamp: int | str | None = None,
        secret: str | None = None,
    ) -> SlackResponse:
        """Sign and post any body; `timestamp` (stale, or not a number) or `secret` forge."""
        sent_at = str(int(self._now()) if timestamp is None else timestamp)
        signed = headers | {
            "X-Slack-Request-Timestamp": sent_at,
            "X-Slack-Signature": signature(secret or self.signing_secret, sent_at, body),
        }
        request = urllib.request.Request(self.url, data=body, headers=signed, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return _response(response.status, response.read())
        except urllib.error.HTTPError as error:
            return _response(error.code, error.read())

    def _now(self) -> float:
        """Seconds since the epoch, as Slack stamps requests and events."""
        return self.clock.now().timestamp()

    def _form(self, form: dict[str, str]) -> SlackResponse:
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        return self.send_raw(urlencode(form).encode(), headers)

    def _user(self, user_id: str) -> Json:
        return self.fake.user(user_id) or {"id": user_id, "name": user_id.lower()}

    def _interaction(self, kind: str, user_id: str) -> Json:
        """The fields every interactive payload carries."""
        ws, name = self.fake.workspace, self._user(user_id)["name"]
        return {
            "type": kind,
            "token": VERIFICATION_TOKEN,
            "api_app_id": ws.app_id,
            "team": {"id": ws.team_id, "domain": ws.team_domain},
            "user": {"id": user_id, "username": name, "name": name, "team_id": ws.team_id},
            "trigger_id": self.fake.trigger_id(),
            "enterprise": None,
            "is_enterprise_install": False,
        }


def _container(view: Json | None, message: Json | None, channel_id: str | None) -> Json:
    if view is not None:
        return {"type": "view", "view_id": view.get("id")}
    container: Json = {"type": "message", "channel_id": channel_id, "is_ephemeral": False}
    if message is not None:
        container["message_ts"] = message.get("ts")
    return container


def _response(status: int, raw: bytes) -> SlackResponse:
    body = raw.decode("utf-8", "replace")
    try:
        parsed = json.loads(body)
    except json.JSONDecodeError:
        parsed = None
    return SlackResponse(status, body, parsed if isinstance(parsed, dict) else None)
