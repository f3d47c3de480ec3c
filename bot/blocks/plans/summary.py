"""A rep's plan as mrkdwn text, the same wherever it is shown (DMs, App Home, log forms)."""

from __future__ import annotations

from datetime import datetime

from bot.blocks.standup import button
from bot.blocks.text import MAX_TEXT, Block, context, escape, section
from bot.domain.coaching.vocabulary import DIMENSION_LABELS
from bot.domain.local_time import zone
from bot.ids import ActionId
from db.models import RepPlan


def plan_text(plan: RepPlan) -> str:
    """Goal, obstacles and coaching plan, escaped."""
    obstacles = "; ".join(f"{n}. {escape(text)}" for n, text in enumerate(plan.obstacles, 1))
    focus = DIMENSION_LABELS.get(plan.focus, plan.focus)
    return (f"*Q1 goal:* {escape(plan.goal)}\n*Top obstacles:* {obstacles}\n"
            f"*Coaching plan* ({focus} first): {escape(plan.coaching_plan)}")


def signatures_text(plan: RepPlan, tz: str) -> str:
    """Who signed version N, and when, in the reader's zone."""
    rep = f"signed by {escape(plan.rep.name)} {_when(plan.rep_signed_at, tz)}"
    if plan.manager_signed_at is not None:
        manager = (f"co-signed by {escape(plan.manager.name)} "
                   f"{_when(plan.manager_signed_at, tz)}")
    elif plan.revise_asked_at is not None:
        manager = f"returned by {escape(plan.manager.name)} to revise"
    else:
        manager = f"awaiting {escape(plan.manager.name)}'s co-signature"
    return f"Version {plan.version}: {rep}; {manager}."


def plan_blocks(plan: RepPlan, tz: str) -> list[Block]:
    """The plan and its signatures."""
    return [section(plan_text(plan)), context(signatures_text(plan, tz))]


def build_rep_plan_part(program_id: int, plan: RepPlan | None) -> Block:
    """The rep's plan in their App Home, with a button to change it (or to write it)."""
    if plan is None:
        text, label = "*Your plan*: not written yet; your manager co-signs it.", "Write my plan"
    else:
        text = f"*Your plan* · {signatures_text(plan, plan.rep.timezone)}\n{plan_text(plan)}"
        label = "Change my plan"
    return section(text[:MAX_TEXT]) | {"accessory": button(label, ActionId.PLAN_WRITE,
                                                           str(program_id))}


def view_button(plan: RepPlan) -> Block:
    """"View plan": opens the plan read only, for those allowed to see it."""
    return button("View plan", ActionId.PLAN_VIEW, str(plan.id))


def _when(instant: datetime, tz: str) -> str:
    return f"on {instant.astimezone(zone(tz)):%a %d %b %H:%M}"
