"""The weekly audit message: org-wide numbers, the chart (an uploaded file), every manager by
plain name (never a mention: an audit pings nobody) with each cadence type done of due, below
target first, the open blockers per manager with their age, and late changes to past weeks.

When the managers' list would not fit (hundreds of managers), the message names those needing
attention most and links the full table as a CSV file instead.
"""

from __future__ import annotations

from bot.blocks.audit_lines import (
    blocker_lines,
    change_lines,
    committed_lines,
    manager_lines,
    managers_title,
    percent,
    summary_lines,
)
from bot.blocks.plans.standing import build_plans_section
from bot.blocks.text import Block, context, escape, header, plain, section
from bot.domain.audit.numbers import WeekNumbers
from bot.domain.audit.standings import below_target
from bot.domain.counting import counted
from bot.domain.local_time import zone

SECTION_TEXT = 2900  # under Slack's 3,000 characters per text, with room for a title
TABLE_SECTIONS = 3  # the managers' list may fill this many sections before it is summarised
SUMMARISED = 10  # managers (and managers with open blockers) named when a list is summarised
CHART_TITLE = "Coaching per manager this week: 1:1s, call reviews, territory reviews"


def build_audit_message(
    numbers: WeekNumbers, *, chart_file_id: str | None = None, csv_link: str | None = None
) -> list[Block]:
    """The audit; `chart_file_id` and `csv_link` are files uploaded for it (none on demand)."""
    so_far = "" if numbers.complete else " (so far)"
    blocks = [
        header(f"Coaching audit: week of {numbers.monday:%a %d %b} ({numbers.week}){so_far}"),
        section("\n".join(f"*{label}:* {value}"
                          for label, value in summary_lines(numbers, escape))),
    ]
    if chart_file_id is not None:
        blocks.append(_chart(chart_file_id))
    blocks += _managers(numbers, csv_link)
    committed = committed_lines(numbers, escape)
    if committed:
        title = ("*Sessions added in managers' commitments* (committed vs done, not counted in "
                 "the completion above):")
        blocks += [section(text) for text in pack(title, committed)]
    blocks += _blockers(numbers)
    blocks += build_plans_section(numbers.plans, numbers.smallest_group)
    changes = change_lines(numbers.changes)
    if changes:
        title = ("*Changed after it was posted* (late logs or corrections; the posted audit "
                 "keeps its numbers):")
        blocks += [section(text) for text in pack(title, [f"• {line}" for line in changes])]
    local = numbers.as_of.astimezone(zone(numbers.timezone))
    blocks.append(context(
        f"{escape(numbers.program)} · numbers as of {local:%a %d %b %Y %H:%M} "
        f"({numbers.timezone}) · excused sessions are left out of every rate · team rubric: "
        "the average score, every dimension, at each rep's first and latest call review, shown "
        f"where at least {numbers.smallest_group} reps were reviewed · managers are named, not "
        "mentioned"
    ))
    return blocks


def audit_fallback(numbers: WeekNumbers) -> str:
    """The notification text: 1:1 completion against target and how many are below it."""
    start = f"Coaching audit {numbers.week} ({numbers.program})"
    one_on_ones = numbers.cadence("one_on_one")
    if one_on_ones.percent is None:
        return f"{start}: no 1:1s were due."
    below = len(below_target(numbers))
    return (f"{start}: 1:1s {one_on_ones.percent}% done against a {percent(numbers.target)} "
            f"target; {counted(below, 'manager')} below target.")


def table_fits(numbers: WeekNumbers) -> bool:
    """Whether every manager can be listed in the message."""
    title = managers_title(numbers)
    return len(pack(title, manager_lines(numbers, escape))) <= TABLE_SECTIONS


def pack(title: str, lines: list[str]) -> list[str]:
    """The title and lines as few texts of at most SECTION_TEXT characters, whole lines each."""
    texts = [title]
    for line in lines:
        if len(texts[-1]) + 1 + len(line) > SECTION_TEXT:
            texts.append(line[:SECTION_TEXT])
        else:
            texts[-1] += "\n" + line
    return texts


def _chart(file_id: str) -> Block:
    return {
        "type": "image",
        "slack_file": {"id": file_id},
        "alt_text": "Bar chart per manager of this week's 1:1s done of due against the target "
                    "and the baseline, and call reviews and territory reviews done of due; the "
                    "numbers are also written in this message.",
        "title": plain(CHART_TITLE),
    }


def _managers(numbers: WeekNumbers, csv_link: str | None) -> list[Block]:
    title, lines = f"*{managers_title(numbers)}*", manager_lines(numbers, escape)
    if table_fits(numbers):
        return [section(text) for text in pack(title, lines)]
    where = (f"<{csv_link}|the CSV file>" if csv_link
             else "`kickoff-bot audit PROGRAM --csv FILE` (from the shell)")
    below = len(below_target(numbers))
    summary = (f"*{len(lines)} managers, {below} below the {percent(numbers.target)} 1:1 "
               f"target.* The {SUMMARISED} needing attention most:")
    return [
        section("\n".join([summary, *lines[:SUMMARISED]])[:SECTION_TEXT]),
        section(f"Every manager and week is in {where}."),
    ]


def _blockers(numbers: WeekNumbers) -> list[Block]:
    lines = blocker_lines(numbers, escape)
    if not lines:
        return []
    more = len(lines) - SUMMARISED
    shown = lines[:SUMMARISED] + ([f"…and {more} more managers"] if more > 0 else [])
    title = "*Open blockers by manager* (the manager with the oldest first):"
    return [section("\n".join([title, *shown])[:SECTION_TEXT])]
