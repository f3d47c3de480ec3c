"""The plan DMs: the breakout invitation, the manager's copy to co-sign (and its nudge), the
rep's "please revise", the one reminder, and the answers that replace the buttons."""

from __future__ import annotations

from bot.blocks.plans.summary import plan_blocks, view_button
from bot.blocks.standup import actions, button
from bot.blocks.text import Block, context, escape, section, split_escaped
from bot.ids import ActionId
from db.models import RepPlan

MAX_LISTED = 40  # plans listed in one reminder, within a message's 50 blocks


def build_invite_message(program_name: str, program_id: int, contract: str) -> list[Block]:
    """The breakout DM: write and sign your plan (the contract it signs up to, below)."""
    return [
        section(f"*{escape(program_name)}: your plan for the next 30 days.* Write your Q1 goal, "
                "your top obstacles and your coaching plan, then sign; your manager co-signs."),
        actions(button("Write my plan", ActionId.PLAN_WRITE, str(program_id), primary=True)),
        *contract_blocks(contract),
    ]


def invite_fallback(program_name: str) -> str:
    """The notification text of the invitation."""
    return f"{program_name}: write and sign your plan for the next 30 days."


def contract_blocks(contract: str) -> list[Block]:
    """"What you will sign": the contract, as enablement wrote it (escaped)."""
    return [section(f"*What you will sign*\n{piece}") if n == 0 else section(piece)
            for n, piece in enumerate(split_escaped(escape(contract), 2900))]


def cosign_value(plan: RepPlan) -> str:
    """The value of the manager's buttons: the plan and the revision they answer."""
    return f"{plan.id}:{plan.revision}"


def build_review_message(plan: RepPlan, *, nudge: bool = False) -> list[Block]:
    """The manager's copy: the plan and Co-sign / Ask to revise."""
    lead = "Still waiting for you: " if nudge else ""
    return [
        section(f"{lead}*{escape(plan.rep.name)}* signed their plan "
                f"(version {plan.version}). Co-sign it, or ask them to revise it."),
        *plan_blocks(plan, plan.manager.timezone),
        actions(button("Co-sign", ActionId.PLAN_COSIGN, cosign_value(plan), primary=True),
                button("Ask to revise", ActionId.PLAN_REVISE, cosign_value(plan))),
    ]


def review_fallback(plan: RepPlan) -> str:
    """The notification text of the manager's copy."""
    return f"{plan.rep.name} signed their plan: co-sign it or ask to revise."


def build_cosigned_message(plan: RepPlan) -> list[Block]:
    """What replaces the manager's buttons once they co-signed."""
    return [section(f"You co-signed *{escape(plan.rep.name)}*'s plan."),
            *plan_blocks(plan, plan.manager.timezone)]


def build_revise_message(plan: RepPlan) -> list[Block]:
    """The rep's DM: the manager's reason, and a button to revise."""
    return [
        section(f"*{escape(plan.manager.name)}* asks you to revise your plan:\n>"
                f"{escape(plan.revise_reason or '')}"),
        actions(button("Revise my plan", ActionId.PLAN_WRITE, str(plan.program_id),
                       primary=True)),
        context("Your new version goes back to them to co-sign."),
    ]


def revise_fallback(plan: RepPlan) -> str:
    """The notification text of the rep's revise DM."""
    return f"{plan.manager.name} asks you to revise your plan."


def build_rep_reminder(program_name: str, program_id: int) -> list[Block]:
    """The one reminder to a rep whose plan is not signed."""
    return [
        section(f"*{escape(program_name)}:* your plan is not signed yet. It takes five minutes: "
                "your Q1 goal, your top obstacles and your coaching plan."),
        actions(button("Write my plan", ActionId.PLAN_WRITE, str(program_id), primary=True)),
    ]


def build_manager_reminder(program_name: str, plans: list[RepPlan]) -> list[Block]:
    """The one reminder to a manager with plans awaiting their co-signature, each openable."""
    shown = plans[:MAX_LISTED]
    blocks = [section(f"*{escape(program_name)}:* {len(plans)} plan(s) await your "
                      "co-signature; the Co-sign buttons are in the DMs above.")]
    blocks += [section(f"*{escape(plan.rep.name)}* · Q1 goal: {escape(plan.goal)}")
               | {"accessory": view_button(plan)} for plan in shown]
    if len(plans) > len(shown):
        blocks.append(context(f"…and {len(plans) - len(shown)} more."))
    return blocks
