"""`program show` in people's words: days by name, shares as percentages, the read-out as a date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from bot.domain.counting import counted

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _days(numbers: list[int]) -> str:
    if numbers == [1, 2, 3, 4, 5]:
        return "Monday to Friday"
    return ", ".join(DAY_NAMES[number - 1] for number in numbers)


def _percent(share: float) -> str:
    return f"{share * 100:g}%"


def _readout(row: dict[str, Any]) -> str:
    day = date.fromisoformat(row["kickoff_date"]) + timedelta(days=row["readout_day"])
    return f"day {row['readout_day']} after the kickoff ({day:%A %Y-%m-%d})"


# setting -> (label, how it reads); settings not listed here are shown as stored.
LABELS: dict[str, tuple[str, Callable[[Any], str]]] = {
    "id": ("id", str),
    "status": ("status", str),
    "name": ("name", str),
    "kickoff_date": ("kickoff", lambda day: f"{date.fromisoformat(day):%A %Y-%m-%d}"),
    "event_days": ("event", lambda days: counted(days, "day")),
    "timezone": ("time zone", str),
    "standup_channel": ("standup channel", str),
    "audit_channel": ("audit channel", str),
    "working_days": ("working days", _days),
    "holidays": ("holidays", lambda days: ", ".join(days) or "none"),
    "standup_time": ("standup prompt at", lambda at: at[:5]),
    "reminder_time": ("reminder at", lambda at: at[:5]),
    "coaching_due_weekday": ("coaching due", lambda day: f"each {DAY_NAMES[day - 1]}"),
    "standup_days": ("standups", lambda days: f"the first {days} working days after the event"),
    "one_on_one_target": ("1:1 target", _percent),
    "baseline_completion": ("1:1 baseline", _percent),
}


def program_words(row: dict[str, Any]) -> list[tuple[str, str]]:
    """`describe_program`'s row as (label, value in words) pairs."""
    words = []
    for key, value in row.items():
        label, reads = LABELS.get(key, (key.replace("_", " "), str))
        if key == "work_end":
            continue  # said with work_start, as the window it closes
        if key == "work_start":
            label, shown = "working hours", f"{value[:5]}-{row['work_end'][:5]} each person's time"
        elif key == "readout_day":
            label, shown = "read-out", _readout(row)
        else:
            shown = reads(value)
        words.append((label, shown))
    return words


def program_lines(row: dict[str, Any]) -> list[str]:
    """`describe_program`'s row as aligned "label  value" lines."""
    return [f"{label:<18} {shown}" for label, shown in program_words(row)]


def changed_words(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    """What an edit changed, in words: "standup prompt at 09:30 (was 09:00)"."""
    return [f"{label} {now} (was {was})" for (label, was), (_, now)
            in zip(program_words(before), program_words(after), strict=True) if was != now]
