"""The metrics DMs' buttons: the rep's "Report my numbers" and the manager's "Correct" open a
modal; the manager's "Confirm" marks the rep's numbers confirmed and says so in place."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient

from bot.blocks.metrics_refs import ReportRef
from bot.blocks.metrics_report import (
    DIGEST_REVIEW_BLOCK,
    build_report_modal,
    build_review_done,
    review_done_in_digest,
)
from bot.deps import deps_of
from bot.services.metrics.self_report import confirm_report, report_form
from handlers.home import answer_in_place


def handle_metrics_report_action(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient,
    context: BoltContext,
) -> None:
    """Open the rep's own report modal, prefilled with what they reported before."""
    ack()
    ref = ReportRef.from_value(action["value"])
    with deps_of(context).session_factory() as session:
        form = report_form(session=session, program_id=ref.program_id, rep_id=ref.rep_id,
                           week=ref.week, kind=ref.kind, actor_user_id=body["user"]["id"])
        view = build_report_modal(ref=ref, metrics=form.metrics, values=form.values)
    client.views_open(trigger_id=body["trigger_id"], view=view)


def handle_metrics_correct_action(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient,
    context: BoltContext,
) -> None:
    """Open the manager's correction modal for their rep's week."""
    ack()
    ref = ReportRef.from_value(action["value"])
    with deps_of(context).session_factory() as session:
        form = report_form(session=session, program_id=ref.program_id, rep_id=ref.rep_id,
                           week=ref.week, kind=ref.kind, actor_user_id=body["user"]["id"],
                           as_manager=True)
        view = build_report_modal(ref=ref, metrics=form.metrics, values=form.values,
                                  rep_name=form.rep.name)
    client.views_open(trigger_id=body["trigger_id"], view=view)


def handle_metrics_confirm_action(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], context: BoltContext,
    respond: Respond,
) -> None:
    """Confirm the rep's numbers as they stand; the DM says so (in a coaching digest, only the
    clicked line's buttons are replaced: the digest's other items keep theirs)."""
    ack()
    ref = ReportRef.from_value(action["value"])
    with deps_of(context).session_factory.begin() as session:
        form = report_form(session=session, program_id=ref.program_id, rep_id=ref.rep_id,
                           week=ref.week, kind=ref.kind, actor_user_id=body["user"]["id"],
                           as_manager=True)
        confirmed = confirm_report(session=session, form=form)
        block_id = str(action.get("block_id") or "")
        message = body.get("message") or {}
        if block_id.startswith(DIGEST_REVIEW_BLOCK) and message.get("blocks"):
            # the message's own blocks, only shown back to the manager who clicked
            blocks = review_done_in_digest(message["blocks"], block_id, rep_name=form.rep.name,
                                           ref=ref, confirmed=confirmed)
        else:
            blocks = build_review_done(rep_name=form.rep.name, ref=ref, confirmed=confirmed)
    answer_in_place(body, respond, replace_original=True, text="Numbers confirmed",
                    blocks=blocks)
