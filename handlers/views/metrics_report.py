"""The report and correction modals' submissions: a field error per bad number, else saved (a
rep's report also queues their manager's DM)."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext

from bot.blocks.metrics_refs import ReportRef
from bot.blocks.metrics_report import input_block
from bot.deps import deps_of
from bot.ids import ActionId
from bot.services.metrics.review_notice import queue_review
from bot.services.metrics.self_report import read_values, report_form, save_report


def handle_metrics_report_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext
) -> None:
    """Save the rep's own numbers and tell their manager."""
    _submit(ack, body, view, context, correction=False)


def handle_metrics_correct_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext
) -> None:
    """Save the manager's correction beside the rep's numbers."""
    _submit(ack, body, view, context, correction=True)


def _submit(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], context: BoltContext, *,
    correction: bool,
) -> None:
    ref = ReportRef.from_value(view["private_metadata"])
    values = view["state"]["values"]
    deps = deps_of(context)
    with deps.session_factory.begin() as session:
        form = report_form(session=session, program_id=ref.program_id, rep_id=ref.rep_id,
                           week=ref.week, kind=ref.kind, actor_user_id=body["user"]["id"],
                           as_manager=correction)
        raw = {m.key: (values.get(input_block(m.key), {}).get(ActionId.METRICS_INPUT) or {})
               .get("value") for m in form.metrics}
        rows, errors = read_values(form, raw)
        if errors:
            ack(response_action="errors",
                errors={input_block(key): message for key, message in errors.items()})
            return
        now = deps.clock.now()
        save_report(session=session, form=form, rows=rows, now=now, correction=correction)
        if not correction:
            queue_review(session=session, form=form, rows=rows, now=now)
    ack()
