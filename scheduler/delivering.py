"""Sending one claimed row: reconcile first if an earlier attempt's outcome is unknown; or
uploading its files (again after an unknown outcome: a duplicate unshared file is harmless)."""

from __future__ import annotations

from datetime import datetime, timedelta

from scheduler.claims import Claimed
from scheduler.outcomes import Failed, Outcome, Retry, Sent, Uploaded
from scheduler.sending import (
    FileToUpload,
    OutcomeUnknown,
    Posted,
    RecipientError,
    Rejected,
    SlackSender,
)

# Slack's clock and ours may disagree a little; look back this much further when reconciling.
CLOCK_SLACK = timedelta(minutes=5)


def deliver(sender: SlackSender, item: Claimed, now: datetime) -> Outcome:
    """Post (or update) `item` once. RateLimited and InstallationDead propagate to the caller."""
    try:
        if item.target is not None:  # an edit is idempotent: just apply it again
            return Sent(
                item,
                sender.update(
                    channel_id=item.target.channel_id,
                    ts=item.target.ts,
                    text=item.text,
                    blocks=item.blocks,
                ),
                now,
            )
        if item.uncertain:
            found = _already_posted(sender, item)
            if found is not None:
                return Sent(item, found, now)
        posted = sender.post(
            channel=item.channel,
            text=item.text,
            blocks=item.blocks,
            key=item.key,
            thread_ts=item.thread.ts if item.thread else None,
        )
        return Sent(item, posted, now)
    except OutcomeUnknown as exc:
        return Retry(item, error=exc.error)
    except (RecipientError, Rejected) as exc:
        return Failed(item, exc.error)


def upload(
    sender: SlackSender, item: Claimed, files: list[FileToUpload], now: datetime
) -> Outcome:
    """Upload every file of `item`. RateLimited and InstallationDead propagate to the caller."""
    try:
        return Uploaded(item, [sender.upload(file) for file in files], now)
    except OutcomeUnknown as exc:
        return Retry(item, error=exc.error)
    except (RecipientError, Rejected) as exc:
        return Failed(item, exc.error)


def _already_posted(sender: SlackSender, item: Claimed) -> Posted | None:
    """The message of an earlier attempt, if Slack has it (found by its metadata key)."""
    since = item.first_attempt_at - CLOCK_SLACK
    if item.thread is not None:
        return sender.find(
            channel_id=item.thread.channel_id, key=item.key, since=since, thread_ts=item.thread.ts
        )
    channel_id = item.channel
    if item.channel.startswith(("U", "W")):  # a DM posted to the user id: Slack needs the D… id
        channel_id = item.dm_channel_id or sender.open_dm(item.channel)
    return sender.find(channel_id=channel_id, key=item.key, since=since)
