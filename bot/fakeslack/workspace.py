"""In-memory state of one fake Slack workspace, guarded by a single lock."""

from __future__ import annotations

import copy
import itertools
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from bot.clock import Clock

Json = dict[str, Any]
T = TypeVar("T")
# Slack refuses a trigger_id exchanged more than 3 s after the interaction that minted it.
TRIGGER_LIFETIME = timedelta(seconds=3)


@dataclass(frozen=True)
class Call:
    """One Web API call as the fake received it, token removed."""

    method: str
    params: dict[str, Any]
    at: float


@dataclass
class Trigger:
    """A minted trigger_id: when it stops being accepted, and whether it was exchanged."""

    expires: datetime
    exchanged: bool = False


def dm_id_for(user_id: str) -> str:
    """Return the id of the bot's DM with a user; derived, so it is stable and reversible."""
    return "D" + user_id


class Workspace:
    """Users, conversations, messages, views, files and calls of one team.

    The attributes are read and written only while holding `lock`. Records (a user, a
    message) may have fields reassigned, but the JSON values inside them (blocks, metadata,
    views) are replaced, never mutated, so a response built under the lock from copies of
    the records can be serialised after it is released.
    """

    def __init__(self, *, team_id: str, team_name: str, bot_user_id: str, clock: Clock) -> None:
        self.lock = threading.RLock()
        self.clock = clock
        self.team_id = team_id
        self.team_name = team_name
        self.team_domain = "-".join(team_name.lower().split()) or "fake"
        self.bot_user_id = bot_user_id
        self.bot_id = "B" + bot_user_id
        self.app_id = "A" + team_id
        self.base_url = ""  # set by the server once it has a port
        self.users: dict[str, Json] = {}
        self.channels: dict[str, Json] = {}
        self.history: dict[str, list[Json]] = {}  # top-level messages per channel, oldest first
        self.threads: dict[tuple[str, str], list[Json]] = {}  # (channel, parent ts) -> replies
        self.by_ts: dict[tuple[str, str], Json] = {}  # (channel, ts) -> message or reply
        self.views: dict[str, Json] = {}
        self.homes: dict[str, str] = {}  # user id -> view id of their published App Home
        self.uploads: dict[str, Json] = {}  # file id -> upload not yet completed
        self.files: dict[str, Json] = {}
        self.responses: list[Json] = []
        self.triggers: dict[str, Trigger] = {}
        self.calls: list[Call] = []
        self._ids = itertools.count(1)
        self._last_ts = 0
        self._response_urls = 0
        self.add_user(bot_user_id, name="kickoff", real_name="Kickoff", is_bot=True)

    # -- set-up and inspection, called by tests --------------------------------------------

    def now(self) -> int:
        """Now, in whole seconds since the epoch, as Slack's `created` fields say it."""
        return int(self.clock.now().timestamp())

    def add_user(
        self,
        user_id: str,
        *,
        name: str | None = None,
        real_name: str = "",
        email: str | None = None,
        tz: str = "UTC",
        is_bot: bool = False,
        deleted: bool = False,
        is_restricted: bool = False,
        is_ultra_restricted: bool = False,
        is_admin: bool = False,
        is_owner: bool = False,
    ) -> Json:
        """Add a member (its time zone is checked now, so a typo fails the test here)."""
        ZoneInfo(tz)
        user = {
            "id": user_id,
            "name": name or user_id.lower(),
            "real_name": real_name,
            "email": email,
            "tz": tz,
            "is_bot": is_bot,
            "deleted": deleted,
            "is_restricted": is_restricted,
            "is_ultra_restricted": is_ultra_restricted,
            "is_admin": is_admin,
            "is_owner": is_owner,
        }
        with self.lock:
            self.users[user_id] = user
        return dict(user)

    def update_user(self, user_id: str, **fields: Any) -> Json:
        """Change some fields of a member, e.g. `deleted=True` or a new `tz`."""
        with self.lock:
            user = self.users[user_id]
            unknown = set(fields) - (set(user) - {"id"})
            if unknown:
                raise TypeError(f"unknown user fields: {sorted(unknown)}")
            if "tz" in fields:
                ZoneInfo(fields["tz"])
            self.users[user_id] = user = {**user, **fields}
            return dict(user)

    def add_channel(
        self,
        channel_id: str,
        name: str,
        *,
        members: list[str] | tuple[str, ...] = (),
        is_archived: bool = False,
        bot_is_member: bool = True,
        is_private: bool = False,
    ) -> Json:
        """Add a public or private channel; the bot joins it unless `bot_is_member=False`."""
        channel = {
            "id": channel_id,
            "name": name,
            "is_im": False,
            "is_private": is_private,
            "is_archived": is_archived,
            "bot_is_member": bot_is_member,
            "members": list(members),
            "user": None,
            "created": self.now(),
        }
        with self.lock:
            self.channels[channel_id] = channel
            self.history.setdefault(channel_id, [])
        return copy.deepcopy(channel)

    def user(self, user_id: str) -> Json | None:
        """A member's record as added or updated, if there is one."""
        with self.lock:
            return dict(self.users[user_id]) if user_id in self.users else None

    def dm_channel(self, user_id: str) -> str:
        """Return the id of the bot's DM with a member, opening it on first use."""
        with self.lock:
            if user_id not in self.users:
                raise KeyError(f"no member {user_id} in the fake workspace")
            return self.open_dm(user_id)

    def messages(self, channel_id: str) -> list[Json]:
        """Top-level messages of a conversation, oldest first."""
        with self.lock:
            return copy.deepcopy(self.history.get(channel_id, []))

    def replies(self, channel_id: str, ts: str) -> list[Json]:
        """Replies in a thread, oldest first, without the parent."""
        with self.lock:
            return copy.deepcopy(self.threads.get((channel_id, ts), []))

    def home(self, user_id: str) -> Json | None:
        """The App Home view published for a member, if any."""
        with self.lock:
            view_id = self.homes.get(user_id)
            return copy.deepcopy(self.views[view_id]) if view_id else None

    def calls_to(self, method: str) -> list[Call]:
        """Calls received for one method, oldest first."""
        with self.lock:
            return copy.deepcopy([call for call in self.calls if call.method == method])

    def clear_calls(self) -> None:
        """Forget the calls received so far."""
        with self.lock:
            self.calls.clear()

    def snapshot(self, value: T) -> T:
        """A deep copy of some state, taken under the lock."""
        with self.lock:
            return copy.deepcopy(value)

    def response_url(self) -> str:
        """Mint a response_url on this server; bodies posted to it land in `responses`."""
        with self.lock:
            self._response_urls += 1
            return f"{self.base_url}/response/{self._response_urls}"

    def trigger_id(self) -> str:
        """Mint a trigger_id that views.open or views.push accepts once, within 3 s."""
        with self.lock:
            minted = self.clock.now()
            trigger = f"{next(self._ids)}.{int(minted.timestamp())}.fake"
            self.triggers[trigger] = Trigger(expires=minted + TRIGGER_LIFETIME)
            return trigger

    # -- used by the HTTP server -----------------------------------------------------------

    def record_response(self, number: int, body: Json) -> bool:
        """Keep a body posted to a minted response_url; False if it was never minted."""
        with self.lock:
            if not 0 < number <= self._response_urls:
                return False
            self.responses.append(body)
            return True

    def receive_upload(self, file_id: str, content: bytes) -> bool:
        """Keep the bytes sent to an upload URL; False if no upload was started for it."""
        with self.lock:
            upload = self.uploads.get(file_id)
            if upload is None:
                return False
            self.uploads[file_id] = {**upload, "content": content}
            return True

    # -- helpers for the Web API methods; the caller holds `lock` --------------------------

    def new_id(self, prefix: str) -> str:
        """A fresh Slack-looking id such as V00000007."""
        return f"{prefix}{next(self._ids):08d}"

    def next_ts(self) -> str:
        """A unique message timestamp, increasing even when the clock does not move."""
        self._last_ts = max(self._last_ts + 1, int(self.clock.now().timestamp() * 1_000_000))
        return f"{self._last_ts // 1_000_000}.{self._last_ts % 1_000_000:06d}"

    def open_dm(self, user_id: str) -> str:
        """Create the bot's DM with a member if needed and return its id."""
        dm_id = dm_id_for(user_id)
        if dm_id not in self.channels:
            self.channels[dm_id] = {
                "id": dm_id,
                "name": user_id,
                "is_im": True,
                "is_private": True,
                "is_archived": False,
                "bot_is_member": True,
                "members": [user_id, self.bot_user_id],
                "user": user_id,
                "created": self.now(),
            }
            self.history[dm_id] = []
        return dm_id

    def post(self, channel_id: str, message: Json) -> None:
        """Store a new message, in its thread if it has a thread_ts, and count the reply."""
        self.by_ts[channel_id, message["ts"]] = message
        parent_ts = message["thread_ts"]
        if parent_ts is None:
            self.history[channel_id].append(message)
            return
        parent = self.by_ts[channel_id, parent_ts]
        parent["thread_ts"] = parent_ts  # Slack marks a parent by giving it its own ts
        parent["reply_count"] += 1
        self.threads.setdefault((channel_id, parent_ts), []).append(message)

    def delete(self, channel_id: str, message: Json) -> None:
        """Remove a message; deleting a parent removes its thread too, to keep things simple."""
        ts = message["ts"]
        del self.by_ts[channel_id, ts]
        parent_ts = message["thread_ts"]
        if parent_ts is None or parent_ts == ts:
            self.history[channel_id].remove(message)
            for reply in self.threads.pop((channel_id, ts), []):
                del self.by_ts[channel_id, reply["ts"]]
            return
        self.threads[channel_id, parent_ts].remove(message)
        self.by_ts[channel_id, parent_ts]["reply_count"] -= 1
