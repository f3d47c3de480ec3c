"""An audit's files: its chart (once some coaching was due) and, when the managers' table does
not fit in the message, its CSV. They are an outbox step of their own (kind `audit_files`),
uploaded by the dispatcher shared to no channel; the audit's post waits for that step and shows
them. Uploading again after a crash only leaves an unshared file behind (visible to the bot
alone); a post never goes before its files are done (uploaded, or failed for good: then it goes
without them, its numbers being in the text).
"""

from __future__ import annotations

from bot.blocks.audit import CHART_TITLE, table_fits
from bot.domain.audit.numbers import WeekNumbers
from bot.domain.metrics.figures import MetricFigures
from bot.services.audit.chart import charted, render_chart
from bot.services.audit.export import csv_bytes, manager_rows
from bot.services.audit.snapshot import week_numbers_of
from db.models import AuditSnapshot
from scheduler.sending import FileToUpload, UploadedFile

CHART, CSV = "chart", "csv"


def files_missing(snapshot: AuditSnapshot, numbers: WeekNumbers) -> bool:
    """Whether the message shows a file not uploaded yet (cheap: nothing is rendered)."""
    chart = snapshot.chart_file_id is None and bool(charted(numbers))
    return chart or (snapshot.csv_file_id is None and not table_fits(numbers))


def files_of(
    snapshot: AuditSnapshot, behaviour: tuple[MetricFigures, ...] = ()
) -> list[FileToUpload]:
    """The files the snapshot's message shows and has not got yet, rendered now; the chart
    with a Behaviour panel from `behaviour`, the figures stored for the post's section."""
    numbers = week_numbers_of(snapshot)
    files = []
    if snapshot.chart_file_id is None and (png := render_chart(numbers, behaviour)) is not None:
        files.append(FileToUpload(CHART, f"coaching-audit-{snapshot.week}.png", png,
                                  f"{CHART_TITLE}, {snapshot.week}"))
    if snapshot.csv_file_id is None and not table_fits(numbers):
        files.append(FileToUpload(CSV, f"coaching-audit-{snapshot.week}.csv",
                                  csv_bytes(manager_rows(numbers)),
                                  f"Coaching audit {snapshot.week}, every manager"))
    return files


def keep_files(snapshot: AuditSnapshot, files: list[UploadedFile]) -> None:
    """Store the uploaded files' ids (and the CSV's link) on the snapshot, once."""
    for file in files:
        if file.role == CHART and snapshot.chart_file_id is None:
            snapshot.chart_file_id = file.id
        elif file.role == CSV and snapshot.csv_file_id is None:
            snapshot.csv_file_id, snapshot.csv_permalink = file.id, file.permalink
