"""How coaching items read in every coaching message: names, dates, the "Log" button."""

from __future__ import annotations

from datetime import date

from bot.blocks.text import Block, escape, plain, section
from bot.domain.coaching.vocabulary import CADENCE_MINUTES, CADENCE_NAMES
from bot.ids import ActionId
from db.models import CoachingItem, LoggedStatus


def day_label(day: date) -> str:
    """A short date people read at a glance: Thu 21 Jan."""
    return f"{day:%a} {day.day} {day:%b}"


def cadence_label(item: CoachingItem) -> str:
    """What kind of session: 1:1, call review or territory review."""
    return CADENCE_NAMES[item.cadence]


def due_text(item: CoachingItem) -> str:
    """When it is due, saying so when it was moved."""
    due = f"due {day_label(item.effective_due)}"
    if item.status is LoggedStatus.RESCHEDULED:
        due += f" (moved from {day_label(item.due_date)})"
    return due


def item_line(item: CoachingItem) -> str:
    """One line for a manager: rep, kind, length, week, due date (names escaped)."""
    minutes = CADENCE_MINUTES[item.cadence]
    added = " added in your commitment" if item.committed else ""
    return (
        f"*{escape(item.rep.name)}* · {cadence_label(item)}{added} ({minutes} min) · "
        f"week {item.week} · {due_text(item)}"
    )


def log_button(item: CoachingItem, label: str = "Log") -> Block:
    """The button that opens the log modal of `item`."""
    return {
        "type": "button", "action_id": ActionId.COACHING_LOG.value, "text": plain(label),
        "value": str(item.id),
    }


def item_with_button(item: CoachingItem, text: str, label: str = "Log") -> Block:
    """A section with `text` and a button opening the log modal."""
    return section(text) | {"accessory": log_button(item, label)}
