"""Uploading an audit's chart and CSV (files upload v2, shared to no channel) once per snapshot.

Only the audit message is shared: it shows the chart by file id and links the CSV. A crash
between an upload and the commit of its snapshot leaves one unshared file behind (visible to the
bot alone) and the next planning pass uploads again; the message itself goes through the outbox,
whose delivery key and metadata make sure it is posted once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cached_property
from typing import Protocol

from slack_sdk import WebClient
from slack_sdk.errors import SlackClientError

from bot.blocks.audit import CHART_TITLE, table_fits
from bot.services.audit.chart import render_chart
from bot.services.audit.export import csv_bytes, manager_rows
from bot.services.audit.snapshot import week_numbers_of
from bot.settings import Settings, SettingsError
from db.models import AuditSnapshot

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class UploadedFile:
    """A file Slack holds for the bot: its id, and the link people open it with."""

    id: str
    permalink: str | None


class FileUploader(Protocol):
    """Uploads a file to Slack without sharing it anywhere."""

    def upload(self, *, filename: str, content: bytes, title: str) -> UploadedFile:
        """Upload `content`; the file is shared to no channel."""


class SlackFileUploader:
    """files.getUploadURLExternal + files.completeUploadExternal (WebClient.files_upload_v2)
    with no channel: the file stays private to the bot until a message shows it."""

    def __init__(self, settings: Settings) -> None:
        self._settings = settings

    @cached_property
    def _client(self) -> WebClient:
        return WebClient(token=self._settings.bot_token(), base_url=self._settings.slack_api_url)

    def upload(self, *, filename: str, content: bytes, title: str) -> UploadedFile:
        """Upload `content` as `filename`."""
        response = self._client.files_upload_v2(filename=filename, content=content, title=title)
        file = response["file"]
        return UploadedFile(id=str(file["id"]), permalink=file.get("permalink"))


def attach_files(snapshot: AuditSnapshot, uploader: FileUploader) -> None:
    """Upload what the snapshot's message shows and is not uploaded yet: the chart (once some
    coaching was due), and the CSV when the managers' table does not fit in the message.
    A failed upload is logged; the message then goes without it (its numbers are in the text)."""
    numbers = week_numbers_of(snapshot)
    try:
        if snapshot.chart_file_id is None and (png := render_chart(numbers)) is not None:
            chart = uploader.upload(filename=f"coaching-audit-{snapshot.week}.png", content=png,
                                    title=f"{CHART_TITLE}, {snapshot.week}")
            snapshot.chart_file_id = chart.id
        if snapshot.csv_file_id is None and not table_fits(numbers):
            table = uploader.upload(filename=f"coaching-audit-{snapshot.week}.csv",
                                    content=csv_bytes(manager_rows(numbers)),
                                    title=f"Coaching audit {snapshot.week}, every manager")
            snapshot.csv_file_id, snapshot.csv_permalink = table.id, table.permalink
    except (SlackClientError, SettingsError) as exc:  # an API error is a SlackClientError too
        log.warning("audit %s of program %s: a file upload failed (%s); the message will go "
                    "without it unless a later pass uploads it", snapshot.week,
                    snapshot.program_id, exc)
