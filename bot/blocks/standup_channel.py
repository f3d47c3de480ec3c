"""Standup posts others see: the day's thread parent, each answer, and the manager's blocker DM."""

from __future__ import annotations

from bot.blocks.standup import actions, answer_blocks, button
from bot.blocks.text import Block, context, escape, section, split_escaped
from bot.domain.standups.days import StandupDay
from bot.domain.standups.fields import AnswerText
from bot.domain.standups.participation import Counts
from bot.ids import ActionId


def thread_title(day: StandupDay) -> str:
    """The parent's title, e.g. "Week-1 standup - Day 2 of 5"."""
    return f"Week-1 standup - {day.label}"


def build_thread_parent(*, day: StandupDay, counts: Counts) -> list[Block]:
    """The day's parent message with its count: answered (late among them), out and missed, so a
    reader never has to work out who did not answer."""
    count = f"{counts.answered} / {counts.expected} answered"
    if counts.late:
        count += f" ({counts.late} late)"
    if counts.excused:
        count += f" · {counts.excused} out"
    if counts.missed:
        count += f" · {counts.missed} missed"
    return [
        section(
            f"*{thread_title(day)}*\nOne new activity, one small win, one blocker: "
            "answers are in the thread."
        ),
        context(count),
    ]


def thread_parent_fallback(day: StandupDay, answered: int, expected: int) -> str:
    """The plain-text fallback of the thread parent."""
    return f"{thread_title(day)}: {answered} / {expected} answered"


def build_channel_reply(
    *, rep_user_id: str, day: StandupDay, text: AnswerText, edited: bool
) -> list[Block]:
    """A rep's answer in the day's thread, the rep mentioned, everything they typed escaped."""
    blocks = [section(f"<@{rep_user_id}> · {day.label}"), *answer_blocks(text)]
    if edited:
        blocks.append(context("(edited)"))
    return blocks


def channel_reply_fallback(rep_user_id: str, day: StandupDay) -> str:
    """The plain-text fallback of a reply."""
    return f"Standup from <@{rep_user_id}>, {day.label}"


def build_blocker_dm(
    *,
    rep_user_id: str,
    program_name: str,
    day: StandupDay,
    blocker: str,
    answer_id: int,
    closed_note: str | None = None,
) -> list[Block]:
    """The manager's DM about a blocker: "Resolved" while open, else why it is closed."""
    intro = f":construction: *Blocker from <@{rep_user_id}>* ({day.label}, {escape(program_name)})"
    blocks = [section(intro), *(section(p) for p in split_escaped(escape(blocker)))]
    if closed_note is None:
        blocks.append(
            actions(button("Resolved", ActionId.STANDUP_RESOLVE, str(answer_id), primary=True))
        )
    else:
        blocks.append(context(closed_note))
    return blocks


def resolved_note(resolver_user_id: str) -> str:
    """The closing line of a resolved blocker DM."""
    return f":white_check_mark: Resolved by <@{resolver_user_id}>."


WITHDRAWN_NOTE = "The rep has since removed this blocker from their answer."


def blocker_dm_fallback(rep_name: str, day: StandupDay, blocker: str) -> str:
    """The plain-text fallback of the blocker DM (the blocker escaped and shortened)."""
    shortened = split_escaped(escape(blocker), 300)[0]
    return f"Blocker from {escape(rep_name)} ({day.label}): {shortened}"


def build_blocker_resolved(*, day: StandupDay, blocker: str, resolver_name: str) -> list[Block]:
    """The rep's DM saying their blocker was resolved."""
    intro = (
        f":white_check_mark: {escape(resolver_name)} marked your blocker from *{day.label}* "
        "as resolved:"
    )
    return [section(intro), *(section(p) for p in split_escaped(escape(blocker)))]


def blocker_resolved_fallback(resolver_name: str, day: StandupDay) -> str:
    """The plain-text fallback of the resolved DM."""
    return f"{escape(resolver_name)} marked your blocker from {day.label} as resolved."
