"""The manager's DM about a rep's reported week, queued in the outbox (sent in the manager's
working window, once per report and revision of it)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from bot.blocks.metrics_refs import ReportRef
from bot.blocks.metrics_report import build_review_message, review_fallback
from bot.domain.kinds import DeliveryKind
from bot.services.availability import dm_window
from bot.services.metrics.checks import CheckedRow
from bot.services.metrics.self_report import ReportForm
from bot.services.outbox import Envelope, delivery_key, queue


def queue_review(
    *, session: Session, form: ReportForm, rows: list[CheckedRow], now: datetime
) -> bool:
    """Queue the manager's DM with the rep's numbers (no manager: nothing to queue)."""
    manager = form.manager
    if manager is None:
        return False
    ref = ReportRef(form.program.id, form.rep.id, form.week, form.kind)
    names = {m.key: (m.name, m.unit) for m in form.metrics}
    lines = [(*names[row.metric], row.value) for row in rows]
    window = dm_window(session=session, program=form.program, person=manager, now=now)
    # one DM per submission: a rep who changes their numbers sends a new one
    version = int(now.timestamp())
    return queue(session, [Envelope(
        key=delivery_key(DeliveryKind.METRICS_REVIEW, form.program.id, manager.id,
                         f"{form.rep.id}.{form.period}.{version}"),
        kind=DeliveryKind.METRICS_REVIEW, workspace_id=form.program.workspace_id,
        program_id=form.program.id, person_id=manager.id, channel=manager.slack_user_id,
        text=review_fallback(form.rep.name, ref),
        blocks=build_review_message(rep_name=form.rep.name, ref=ref, lines=lines),
        due_at=window.due, window_end=window.end,
    )], now=now) == 1
