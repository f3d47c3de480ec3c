"""The one narrow interface the dispatcher sends through, over slack_sdk's WebClient.

Slack's answers are mapped to a few outcomes the dispatcher acts on; nothing else here decides.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackRequestError

from scheduler.transport import KeptAliveClient

METADATA_EVENT = "kickoff_delivery"

# Errors that concern one recipient or channel: that row fails, the rest go on.
RECIPIENT_ERRORS = frozenset(
    {
        "user_not_found",
        "channel_not_found",
        "is_archived",
        "not_in_channel",
        "cannot_dm_bot",
        "user_disabled",
        "messages_tab_disabled",
        "thread_not_found",
        "message_not_found",
    }
)
# Errors that mean the installation is dead: stop sending for it, keep its rows.
DEAD_INSTALLATION_ERRORS = frozenset(
    {
        "invalid_auth",
        "not_authed",
        "account_inactive",
        "token_revoked",
        "token_expired",
        "team_access_not_granted",
        "no_permission",
    }
)


class SendError(Exception):
    """Slack did not take the message; the subclass says what to do about it."""

    def __init__(self, error: str) -> None:
        super().__init__(error)
        self.error = error


class RateLimited(SendError):
    """HTTP 429: pause the workspace for `retry_after` seconds, then send again."""

    def __init__(self, retry_after: float) -> None:
        super().__init__("ratelimited")
        self.retry_after = retry_after


class OutcomeUnknown(SendError):
    """A 5xx, timeout or broken connection: the message may or may not have been posted."""


class RecipientError(SendError):
    """This recipient or channel cannot receive it."""


class InstallationDead(SendError):
    """The token no longer works."""


class Rejected(SendError):
    """Slack refused this message (e.g. invalid blocks): it will never go through as it is."""


@dataclass(frozen=True)
class FileToUpload:
    """A file a delivery uploads: `role` names it for the planner that asked (e.g. "chart")."""

    role: str
    filename: str
    content: bytes
    title: str


@dataclass(frozen=True)
class UploadedFile:
    """A file Slack holds for the bot: its id, and the link people open it with."""

    role: str
    id: str
    permalink: str | None


@dataclass(frozen=True)
class Posted:
    """Where a message landed."""

    channel_id: str
    ts: str


class SlackSender:
    """Posts, updates and finds kickoff-bot's messages, each carrying its delivery key."""

    def __init__(self, client: WebClient) -> None:
        # No automatic retries: a retried chat.postMessage could post twice. The dispatcher
        # decides what to do with every failure, reconciling before any resend.
        self._client = KeptAliveClient(
            token=client.token, base_url=client.base_url, timeout=client.timeout, retry_handlers=[]
        )

    def post(
        self,
        *,
        channel: str,
        text: str,
        blocks: list[dict[str, Any]] | None,
        key: str,
        thread_ts: str | None = None,
    ) -> Posted:
        """chat.postMessage with the delivery key in the message metadata."""
        response = self._call(
            "chat_postMessage",
            channel=channel,
            text=text,
            blocks=blocks,
            thread_ts=thread_ts,
            metadata={"event_type": METADATA_EVENT, "event_payload": {"key": key}},
            unfurl_links=False,
            unfurl_media=False,
        )
        return Posted(channel_id=str(response["channel"]), ts=str(response["ts"]))

    def update(
        self, *, channel_id: str, ts: str, text: str, blocks: list[dict[str, Any]] | None
    ) -> Posted:
        """chat.update of a message kickoff-bot posted (idempotent, so never reconciled)."""
        self._call("chat_update", channel=channel_id, ts=ts, text=text, blocks=blocks)
        return Posted(channel_id=channel_id, ts=ts)

    def upload(self, file: FileToUpload) -> UploadedFile:
        """files.getUploadURLExternal + files.completeUploadExternal (files_upload_v2) with no
        channel: the file stays private to the bot until a message shows it. Uploading again
        after an unknown outcome only leaves an unshared duplicate behind."""
        response = self._call("files_upload_v2", filename=file.filename, content=file.content,
                              title=file.title)
        uploaded = response["file"]
        return UploadedFile(role=file.role, id=str(uploaded["id"]),
                            permalink=uploaded.get("permalink"))

    def open_dm(self, user_id: str) -> str:
        """The D… id of the bot's DM with a user (only needed to reconcile)."""
        return str(self._call("conversations_open", users=user_id)["channel"]["id"])

    def find(
        self, *, channel_id: str, key: str, since: datetime, thread_ts: str | None = None
    ) -> Posted | None:
        """The message carrying `key` posted since `since`, if Slack has one."""
        method = "conversations_replies" if thread_ts else "conversations_history"
        cursor: str | None = None
        while True:
            response = self._call(
                method,
                channel=channel_id,
                ts=thread_ts,
                oldest=f"{since.timestamp():.6f}",
                include_all_metadata=True,
                limit=200,
                cursor=cursor,
            )
            for message in response.get("messages", []):
                payload = (message.get("metadata") or {}).get("event_payload") or {}
                if payload.get("key") == key:
                    return Posted(channel_id=channel_id, ts=str(message["ts"]))
            cursor = (response.get("response_metadata") or {}).get("next_cursor") or None
            if cursor is None:
                return None

    def _call(self, method: str, **params: Any) -> Any:
        arguments = {name: value for name, value in params.items() if value is not None}
        try:
            return getattr(self._client, method)(**arguments)
        except SlackApiError as exc:
            raise _classify(exc) from None
        except (SlackRequestError, OSError) as exc:
            raise OutcomeUnknown(type(exc).__name__) from None


def _classify(exc: SlackApiError) -> SendError:
    status = exc.response.status_code
    if status == 429:
        headers = {name.lower(): value for name, value in exc.response.headers.items()}
        return RateLimited(float(headers.get("retry-after", 1)))
    if status >= 500:
        return OutcomeUnknown(f"http_{status}")
    error = str(exc.response.get("error", "unknown_error"))
    if error in DEAD_INSTALLATION_ERRORS:
        return InstallationDead(error)
    if error in RECIPIENT_ERRORS:
        return RecipientError(error)
    if error in {"ratelimited", "internal_error", "fatal_error", "service_unavailable"}:
        return OutcomeUnknown(error)
    return Rejected(error)
