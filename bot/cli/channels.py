"""Channels typed on the shell, read as ids (Slack is asked about them by
`bot.slack.channels.ensure_postable`, as the App Home's setup does)."""

from __future__ import annotations

import argparse

from bot.domain.program_spec import CHANNEL_ID


def channel_id(text: str) -> str:
    """An argparse type: a channel id as Slack shows it (C... or G...), in the user's words."""
    value = text.strip().lstrip("#")
    if not CHANNEL_ID.match(value):
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a channel id: open the channel's details in Slack and copy the id "
            "at the bottom (like C0123ABCD)")
    return value

