"""The behaviour section of the App Home: a rep's own numbers, a manager's button to their reps'
numbers, the teams' figures for leaders and enablement (folded, no rep named), and enablement's
settings button; and the modal of a manager's reps' numbers."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from bot.blocks.audit import pack
from bot.blocks.home.common import DIVIDER
from bot.blocks.metrics_lines import figure, metric_lines, week_name
from bot.blocks.standup import actions, button
from bot.blocks.text import Block, context, escape, header, plain, section
from bot.domain.block_budget import Surface, fit
from bot.domain.metrics.home import MetricsHome, RepNumber, RepNumbers
from bot.ids import ActionId


def reps_value(program_id: int, manager_id: int) -> str:
    """The value of a manager's "My reps' numbers" button (checked against the actor)."""
    return json.dumps({"p": program_id, "m": manager_id}, separators=(",", ":"))


def number_line(number: RepNumber) -> str:
    """"Dials per rep per working day: 30.0 → 36.0 (+20.0%)", or "no baseline"."""
    found = number.figures
    ratio = found.ratio
    lift = "no baseline" if ratio is None else f"{(ratio - 1) * 100:+.1f}%"
    return (f"{escape(number.metric.name)}: {figure(found.baseline)} → {figure(found.week)} "
            f"({lift})")


def build_metrics_section(views: Sequence[MetricsHome], *, room: int) -> list[Block]:
    """One part per program, as many as fit in `room`."""
    blocks: list[Block] = [header("Behaviour metrics")]
    for view in views:
        part = _part(view)
        if len(blocks) + len(part) > room:
            break
        blocks += part
    return blocks


def _part(view: MetricsHome) -> list[Block]:
    title = f"*{escape(view.program)}* · {week_name(view.week)} against the baseline"
    blocks: list[Block] = []
    if view.own:
        texts = pack(f"{title}\n_Your own numbers (only you and your manager see them):_",
                     [f"• {number_line(n)}" for n in view.own])
        blocks += [section(text) for text in texts[:2]]
    if view.teams:
        lines = [f"• {escape(item.metric.name)}: {line}" for item in view.teams
                 for line in metric_lines(item, escape, teams=False)[:1]]
        blocks += [section(text) for text in pack(f"{title}\n_Teams (no rep named):_",
                                                  lines)[:2]]
    buttons: list[Block] = []
    if view.manager_id is not None:
        buttons.append(button("My reps' numbers", ActionId.HOME_METRICS_REPS,
                              reps_value(view.program_id, view.manager_id)))
    if view.configurable:
        buttons.append(button("Metric settings", ActionId.HOME_METRICS_SETTINGS,
                              str(view.program_id)))
        buttons.append(button("Upload values (CSV)", ActionId.HOME_METRICS_UPLOAD,
                              str(view.program_id)))
    if not blocks:
        blocks.append(section(title))
    if buttons:
        blocks.append(actions(*buttons))
    return [*blocks, DIVIDER]


def build_reps_numbers_view(program: str, week: int, reps: Sequence[RepNumbers]) -> dict[str, Any]:
    """A manager's modal: each of their reps by name, every metric's baseline and week."""
    blocks: list[Block] = [context(f"{escape(program)} · {week_name(week)} against each rep's "
                                   "baseline. Only you and each rep see these.")]
    for rep in reps:
        lines = [f"• {number_line(n)}" for n in rep.numbers]
        blocks += [section(text) for text in pack(f"*{escape(rep.name)}*", lines)]
    if not reps:
        blocks.append(section("No reps report to you in this program."))
    return {"type": "modal", "title": plain("My reps' numbers"), "close": plain("Close"),
            "blocks": fit(blocks, Surface.MODAL)}
