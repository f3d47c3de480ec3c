"""The rep's standup DMs: prompt, reminder, answered, out today and closed."""

from __future__ import annotations

from datetime import datetime

from bot.blocks.standup_refs import DayRef
from bot.blocks.text import Block, context, escape, section, split_escaped
from bot.domain.deadline import deadline_text
from bot.domain.standups.days import StandupDay
from bot.domain.standups.fields import AnswerText, Field
from bot.ids import ActionId

QUESTIONS_LINE = "one new activity you will do today, one small win since yesterday, one blocker"


def button(text: str, action_id: ActionId, value: str, *, primary: bool = False) -> Block:
    """A button element."""
    element: Block = {
        "type": "button",
        "text": {"type": "plain_text", "text": text, "emoji": True},
        "action_id": action_id,
        "value": value,
    }
    if primary:
        element["style"] = "primary"
    return element


def actions(*elements: Block) -> Block:
    """An actions block."""
    return {"type": "actions", "elements": list(elements)}


def answer_blocks(text: AnswerText) -> list[Block]:
    """One section per answer (escaped, split so no text object passes 3,000 characters)."""
    blocks: list[Block] = []
    for field in Field:
        value = text.get(field)
        if not value:
            continue
        pieces = split_escaped(f"*{field.heading}*\n{escape(value)}")
        blocks.extend(section(piece) for piece in pieces)
    return blocks


def build_standup_prompt(
    *,
    rep_name: str,
    day: StandupDay,
    ref: DayRef,
    channel: str,
    reminder_at: str,
    closes: datetime,
    tz: str,
    reminder: bool = False,
    goal: str | None = None,
) -> list[Block]:
    """The morning prompt (or the reminder): greeting, the day, the rep's Q1 goal if they wrote
    one, Answer and Out today; the day `closes` (the rep's midnight) is said in the rep's zone
    `tz`."""
    if reminder:
        opening = (
            f"Hi {escape(rep_name)}, a quick reminder: *{day.label}* of your week-1 "
            "standup is still open."
        )
    else:
        opening = f"Good morning {escape(rep_name)}! :wave: Week-1 standup, *{day.label}*."
    goal_line = [context(f"Your Q1 goal: *{escape(goal)}*")] if goal else []
    return [
        section(f"{opening}\nThree quick answers: {QUESTIONS_LINE} (optional)."),
        *goal_line,
        actions(
            button("Answer", ActionId.STANDUP_ANSWER, ref.to_value(), primary=True),
            button("Out today", ActionId.STANDUP_OUT_TODAY, ref.to_value()),
        ),
        context(
            f"Your answers are posted in <#{channel}> for the team. Answer "
            f"{deadline_text(closes, tz)}"
            + ("." if reminder else f"; a reminder comes at {reminder_at} if needed.")
        ),
    ]


def standup_prompt_fallback(
    rep_name: str, day: StandupDay, *, closes: datetime, tz: str, reminder: bool = False
) -> str:
    """The plain-text fallback of the prompt and reminder."""
    if reminder:
        return (f"Reminder: your week-1 standup, {day.label}, is still open: answer "
                f"{deadline_text(closes, tz)}.")
    return f"Good morning {escape(rep_name)}! Your week-1 standup, {day.label}: {QUESTIONS_LINE}."


def build_standup_answered(
    *, day: StandupDay, text: AnswerText, channel: str, ref: DayRef | None, note: str | None = None
) -> list[Block]:
    """The DM after answering: the answers, where they went, and Edit while the day is open."""
    blocks = [
        section(f":white_check_mark: *{day.label}*: answered, thank you!"),
        *answer_blocks(text),
    ]
    if note:
        blocks.append(context(note))
    blocks.append(context(f"Posted in <#{channel}>."))
    if ref is not None:
        blocks.append(actions(button("Edit", ActionId.STANDUP_EDIT, ref.to_value())))
    return blocks


def standup_answered_fallback(day: StandupDay) -> str:
    """The plain-text fallback of the answered DM."""
    return f"{day.label}: answered, thank you!"


def build_standup_out_today(*, day: StandupDay, ref: DayRef) -> list[Block]:
    """The DM after "Out today": no reminder, excused, and a way back."""
    return [
        section(
            f":palm_tree: *{day.label}*: marked as out today. No reminder will come, and "
            "it counts as excused."
        ),
        actions(button("Answer after all", ActionId.STANDUP_ANSWER, ref.to_value())),
    ]


def standup_out_today_fallback(day: StandupDay) -> str:
    """The plain-text fallback of the out-today DM."""
    return f"{day.label}: marked as out today (excused, no reminder)."


def build_standup_closed(
    *, day: StandupDay, next_day: str | None, text: AnswerText | None
) -> list[Block]:
    """A prompt whose day has closed: says so (with the answer given, if any), no buttons."""
    after = f" Your next standup is {next_day}." if next_day else " That was the last one."
    blocks = [
        section(
            f":lock: *{day.label}* closed at midnight your time; answers to it can no "
            f"longer be added or changed.{after}"
        )
    ]
    return blocks + (answer_blocks(text) if text is not None else [])


def standup_closed_fallback(day: StandupDay) -> str:
    """The plain-text fallback of the closed prompt."""
    return f"{day.label} closed at midnight your time."
