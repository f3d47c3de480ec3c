"""Driving standups the way a rep does in Slack: clicks, modal submissions, typed DMs and the
slash command, each signed and sent to the real app at a chosen instant.

Each helper first moves the test's clock (the app's and the fake Slack's) to that instant; time
then runs on from there, so the listener, which Bolt runs after acknowledging, reads it too.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from bot.fakeslack import FakeSlack, SignedSender, SlackResponse
from bot.ids import ActionId, BlockId, CallbackId
from tests.live import place_clock

FIELDS = (BlockId.STANDUP_ACTIVITY, BlockId.STANDUP_WIN, BlockId.STANDUP_BLOCKER)


def at(fake: FakeSlack, instant: datetime) -> None:
    """Move the test's clock to `instant`; it runs on from there, so waits and timeouts work."""
    place_clock(fake, instant)


def answers_seen(fake: FakeSlack) -> int:
    """How many answers to the actor the app has given: responses, modals, DM messages."""
    return (
        len(fake.responses)
        + len(fake.calls_to("views.open"))
        + len(fake.calls_to("chat.postMessage"))
    )


def acting_at(
    fake: FakeSlack, when: datetime, request: Callable[[], SlackResponse]
) -> SlackResponse:
    """Send `request` at `when`, keeping the clock there until the app has answered."""
    before = answers_seen(fake)
    at(fake, when)
    response = request()
    fake.wait_for(lambda: answers_seen(fake) > before)
    return response


def last_dm(fake: FakeSlack, user: str) -> dict[str, Any]:
    """The newest top-level message in the bot's DM with `user`, leaving out the plan DMs (the
    event's next morning is often Day 1: the plan reminder comes at the same 09:00)."""
    messages = [m for m in fake.messages(fake.dm_channel(user)) if "your plan" not in m["text"]]
    assert messages, f"no DM to {user}"
    return messages[-1]


def button_value(message: dict[str, Any], action_id: str) -> str:
    """The value of the button with `action_id` in a message."""
    for block in message.get("blocks") or []:
        for element in block.get("elements", []):
            if element.get("action_id") == action_id:
                return str(element["value"])
    raise AssertionError(f"no {action_id} button in {message.get('text')!r}")


def click(
    slack: SignedSender,
    user: str,
    message: dict[str, Any],
    action_id: str,
    *,
    when: datetime,
    dm_of: str | None = None,
) -> SlackResponse:
    """Click a button of a DM message (in the DM of `dm_of`, the clicker by default)."""
    channel = slack.fake.dm_channel(dm_of or user)
    return acting_at(
        slack.fake,
        when,
        lambda: slack.action(
            user_id=user,
            action_id=action_id,
            value=button_value(message, action_id),
            message={"ts": message["ts"]},
            channel_id=channel,
        ),
    )


def open_modal(
    slack: SignedSender,
    user: str,
    message: dict[str, Any],
    *,
    when: datetime,
    action_id: str = ActionId.STANDUP_ANSWER,
) -> dict[str, Any]:
    """Click Answer (or Edit) and return the modal the app opened."""
    fake = slack.fake
    before = len(fake.calls_to("views.open"))
    assert click(slack, user, message, action_id, when=when).status == 200
    assert len(fake.calls_to("views.open")) > before, fake.responses[-1:]
    return opened_view(fake)


def opened_view(fake: FakeSlack) -> dict[str, Any]:
    """The view the app last opened, as the fake stored it (with its id)."""
    opened = fake.calls_to("views.open")[-1].params["view"]
    return next(
        v
        for v in fake.views.values()
        if v["private_metadata"] == opened["private_metadata"] and v["blocks"] == opened["blocks"]
    )


def submit(
    slack: SignedSender,
    user: str,
    view: dict[str, Any],
    *,
    when: datetime,
    activity: str | None = "Call Acme's CFO",
    win: str | None = "Demo booked with Globex",
    blocker: str | None = None,
    done: str | None = None,
) -> SlackResponse:
    """Submit a standup modal with these answers (the app answers in the response itself);
    `done` answers "On Friday you planned: ... Done?" (yes / partly / no)."""
    values: dict[str, dict[str, dict[str, Any]]] = {
        block: {ActionId.STANDUP_TEXT: {"type": "plain_text_input", "value": text}}
        for block, text in zip(FIELDS, (activity, win, blocker), strict=True)
    }
    if done is not None:
        values[BlockId.STANDUP_FOLLOW] = {ActionId.STANDUP_FOLLOW: {
            "type": "radio_buttons", "selected_option": {"value": done}}}
    at(slack.fake, when)
    return slack.view_submission(
        user_id=user, callback_id=CallbackId.STANDUP_ANSWER, values=values, view_id=view["id"]
    )


def type_in_dm(slack: SignedSender, user: str, text: str, *, when: datetime) -> SlackResponse:
    """A `message.im` event: `user` typed `text` into their DM with the bot."""
    return acting_at(slack.fake, when, lambda: slack.event(_typed(slack, user, text, when)))


def _typed(slack: SignedSender, user: str, text: str, when: datetime) -> dict[str, Any]:
    return {
        "type": "message",
        "channel_type": "im",
        "channel": slack.fake.dm_channel(user),
        "user": user,
        "text": text,
        "ts": f"{when.timestamp():.6f}",
    }


def send_ignored_event(slack: SignedSender, user: str, **extra: Any) -> SlackResponse:
    """A DM event the app must acknowledge and ignore (a bot's message, an edit)."""
    return slack.event(_typed(slack, user, "ignored", slack.fake.clock.now()) | extra)


def command(slack: SignedSender, user: str, text: str, *, when: datetime) -> SlackResponse:
    """`/kickoff TEXT` typed by `user` at `when`."""
    return acting_at(
        slack.fake,
        when,
        lambda: slack.command("/kickoff", text, user_id=user, channel_id="CGENERAL"),
    )
