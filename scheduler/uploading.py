"""Deliveries that upload files instead of posting: a planner declares their kinds, renders the
files when the dispatcher is about to upload them, and keeps the ids Slack gives back (in the
same transaction that marks the upload done, so the post waiting for it shows them)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol, runtime_checkable

from sqlalchemy.orm import Session

from bot.services.planner import Planner
from scheduler.outcomes import Outcome, Uploaded
from scheduler.sending import FileToUpload, UploadedFile


@runtime_checkable
class Uploading(Protocol):
    """A planner some of whose delivery kinds are file uploads."""

    @property
    def upload_kinds(self) -> frozenset[str]:
        """The kinds (among the planner's `kinds`) whose deliveries are uploads."""

    def files_for(self, *, session: Session, key: str) -> list[FileToUpload]:
        """The files the delivery `key` uploads (rendered now, from what the planner stored)."""

    def uploaded(self, *, session: Session, key: str, files: list[UploadedFile]) -> None:
        """Keep the ids of the files the delivery `key` uploaded."""


def uploaders_of(planners: Sequence[Planner]) -> dict[str, Uploading]:
    """The planner answering for each upload kind."""
    return {kind: planner for planner in planners if isinstance(planner, Uploading)
            for kind in planner.upload_kinds}


def record_uploads(
    session: Session, uploaders: dict[str, Uploading], outcomes: Iterable[Outcome]
) -> None:
    """Hand every finished upload's files to the planner that asked for them."""
    for outcome in outcomes:
        if isinstance(outcome, Uploaded):
            uploaders[outcome.item.kind].uploaded(session=session, key=outcome.item.key,
                                                  files=outcome.files)
