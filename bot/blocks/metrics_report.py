"""The self-report DMs and modals: the rep's "This week's numbers" (and, at T-7, "a typical week
before the kickoff"), and the manager's DM to confirm or correct a reported week."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bot.blocks.metrics_lines import exact, figure, week_name
from bot.blocks.metrics_refs import PendingReview, ReportRef
from bot.blocks.standup import actions, button
from bot.blocks.text import Block, context, escape, plain, section
from bot.domain.metrics.definitions import MetricDefinition
from bot.domain.metrics.report import ReportKind
from bot.ids import ActionId, CallbackId

INPUT_BLOCK = "metric_"  # + the metric's key: each number input's block id
# The block id of Confirm / Correct in a coaching digest (+ rep, kind and week): a confirmation
# there answers in that block only, the rest of the digest stays as it was.
DIGEST_REVIEW_BLOCK = "digest_review."


def input_block(key: str) -> str:
    """The block id of a metric's input."""
    return INPUT_BLOCK + key


def week_text(ref: ReportRef) -> str:
    """"week 2", or "a typical week before the kickoff"."""
    if ref.kind is ReportKind.PRE_EVENT:
        return "a typical week before the kickoff"
    return week_name(ref.week)


def report_prompt_fallback(program: str, ref: ReportRef, *, reminder: bool) -> str:
    """The notification text of the prompt."""
    if ref.kind is ReportKind.PRE_EVENT:
        return f"{program}: your numbers in a typical week before the kickoff"
    return f"{'Reminder: ' if reminder else ''}{program}: this week's numbers ({week_text(ref)})"


def build_report_prompt(program: str, ref: ReportRef, *, reminder: bool) -> list[Block]:
    """The rep's DM with the button opening the report modal."""
    if ref.kind is ReportKind.PRE_EVENT:
        text = (f"*{escape(program)}: a typical week before the kickoff.* Your team has no "
                "numbers from before the event yet: a few numbers from a typical week give the "
                "program a baseline (shown as self-reported).")
    else:
        again = "A reminder: " if reminder else ""
        text = (f"*{escape(program)}: this week's numbers ({week_text(ref)}).* {again}A minute: "
                "your own numbers for the week. Your manager sees them; no channel does.")
    return [section(text),
            actions(button("Report my numbers", ActionId.METRICS_REPORT, ref.to_value(),
                           primary=True))]


def build_report_modal(
    *, ref: ReportRef, metrics: Sequence[MetricDefinition], values: Mapping[str, float],
    rep_name: str | None = None,
) -> dict[str, Any]:
    """The modal: one number per self-reported metric; `rep_name` makes it the manager's
    correction of that rep's numbers."""
    correcting = rep_name is not None
    intro = (f"Correct {escape(rep_name)}'s numbers for {week_text(ref)}; theirs are kept beside "
             "yours." if rep_name is not None else
             f"Your numbers for {week_text(ref)}. Your manager sees them; no channel does.")
    return {
        "type": "modal",
        "callback_id": CallbackId.METRICS_CORRECT if correcting else CallbackId.METRICS_REPORT,
        "private_metadata": ref.to_value(),
        "title": plain("Correct numbers" if correcting else "My numbers"),
        "submit": plain("Save"),
        "close": plain("Cancel"),
        "blocks": [context(intro), *(_input(m, values.get(m.key)) for m in metrics)],
    }


def _input(metric: MetricDefinition, value: float | None) -> Block:
    element: Block = {"type": "plain_text_input", "action_id": ActionId.METRICS_INPUT,
                      "max_length": 20, "placeholder": plain("0")}
    if value is not None:
        element["initial_value"] = exact(value)
    return {"type": "input", "block_id": input_block(metric.key),
            "label": plain(f"{metric.name} ({metric.unit})"[:2000]), "element": element}


def review_fallback(rep_name: str, ref: ReportRef) -> str:
    """The notification text of the manager's DM."""
    return f"{rep_name} reported their numbers for {week_text(ref)}"


def build_review_message(
    *, rep_name: str, ref: ReportRef, lines: Sequence[tuple[str, str, float]]
) -> list[Block]:
    """The manager's DM: the rep's numbers (name, unit, value), Confirm and Correct."""
    return [section(f"*{escape(rep_name)}* reported their numbers for {week_text(ref)}:\n"
                    f"{_numbers(lines)}"),
            review_buttons(ref),
            context("Only you and your rep see these numbers; a correction is kept beside "
                    "theirs.")]


def review_line(review: PendingReview) -> Block:
    """One rep's reported week on one line, for the manager's coaching digest."""
    shown = "; ".join(f"{escape(name)} {figure(value)} {escape(unit)}"
                      for name, unit, value in review.lines)
    return section(f"*{escape(review.rep_name)}*, {week_text(review.ref)}: {shown}")


def review_buttons(ref: ReportRef, *, in_digest: bool = False) -> Block:
    """Confirm and Correct; in a digest, with a block id naming the report."""
    block = actions(button("Confirm", ActionId.METRICS_CONFIRM, ref.to_value(), primary=True),
                    button("Correct", ActionId.METRICS_CORRECT, ref.to_value()))
    if in_digest:
        block["block_id"] = DIGEST_REVIEW_BLOCK + f"{ref.rep_id}.{ref.kind.value}.{ref.week}"
    return block


def review_done_in_digest(
    message_blocks: Sequence[Block], block_id: str, *, rep_name: str, ref: ReportRef,
    confirmed: int,
) -> list[Block]:
    """The digest as it was, the clicked Confirm / Correct replaced by the confirmation."""
    done = context(f"Confirmed: {confirmed} number(s) of {escape(rep_name)} for "
                   f"{week_text(ref)}.")
    return [done if block.get("block_id") == block_id else block for block in message_blocks]


def _numbers(lines: Sequence[tuple[str, str, float]]) -> str:
    return "\n".join(f"• {escape(name)}: {figure(value)} {escape(unit)}"
                      for name, unit, value in lines)


def build_review_done(*, rep_name: str, ref: ReportRef, confirmed: int) -> list[Block]:
    """The manager's DM once confirmed."""
    return [section(f"You confirmed {escape(rep_name)}'s {confirmed} number(s) for "
                    f"{week_text(ref)}.")]
