"""The leader's section of the home: the latest weekly audit in short, and this week so far."""

from __future__ import annotations

from typing import Any

from bot.blocks.audit import SECTION_TEXT, build_audit_message
from bot.blocks.audit_lines import blocker_lines, manager_lines, managers_title, summary_lines
from bot.blocks.home.common import DIVIDER, short_date
from bot.blocks.standup import actions, button
from bot.blocks.text import Block, escape, header, plain, section
from bot.domain.audit.numbers import WeekNumbers
from bot.domain.block_budget import Surface, fit
from bot.domain.home import LeaderView
from bot.ids import ActionId

PROGRAM_BLOCKS = 4  # summary, managers and blockers, the button, a divider
MAX_STANDINGS = 3  # managers shown (below target first), and managers with open blockers


def build_leader_section(views: list[LeaderView], *, room: int) -> list[Block]:
    """One part per program the viewer leads, as many as fit in `room`."""
    blocks: list[Block] = [header("Leadership")]
    for view in views:
        if len(blocks) + PROGRAM_BLOCKS > room:
            break
        blocks += _program_part(view)
    return blocks


def _program_part(view: LeaderView) -> list[Block]:
    program, numbers = view.member.program, view.latest
    button_row = actions(button("This week so far", ActionId.HOME_AUDIT_WEEK, str(program.id)))
    if numbers is None:
        return [section(f"*{escape(program.name)}*: no weekly audit yet. The first is posted "
                        f"in <#{program.audit_channel}> on the Monday after week 1."),
                button_row, DIVIDER]
    summary = "\n".join(f"*{label}:* {value}" for label, value in summary_lines(numbers, escape))
    return [
        section(f"*{escape(program.name)}* · latest audit: week of "
                f"{short_date(numbers.monday)} ({numbers.week})\n{summary}"),
        section("\n".join([managers_title(numbers), *_first(manager_lines(numbers, escape)),
                           *_blockers(numbers)])[:SECTION_TEXT]),
        button_row, DIVIDER,
    ]


def _first(lines: list[str]) -> list[str]:
    more = len(lines) - MAX_STANDINGS
    return lines[:MAX_STANDINGS] + ([f"…and {more} more"] if more > 0 else [])


def _blockers(numbers: WeekNumbers) -> list[str]:
    lines = blocker_lines(numbers, escape)
    return ["", "Open blockers by manager:", *_first(lines)] if lines else []


def build_audit_week_view(numbers: WeekNumbers) -> dict[str, Any]:
    """This week's audit so far, in a modal (the same message as `/kickoff audit`)."""
    return {"type": "modal", "title": plain("Coaching audit"), "close": plain("Close"),
            "blocks": fit(build_audit_message(numbers), Surface.MODAL)}
