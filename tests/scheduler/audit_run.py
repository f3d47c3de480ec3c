"""Runs the audit test program through its 30 days: the activity of tests/audit_world.py, each
step followed by a tick of the real dispatcher at 09:00 Berlin (a standup day or a post)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.fakeslack import FakeSlack
from db.models import AuditSnapshot, LoggedStatus
from scheduler.dispatcher import Dispatcher
from tests.audit_world import (
    AUDIT_CHANNEL,
    LATE,
    World,
    answer_standups,
    log_coaching,
    log_item,
    publish_survey,
    utc,
)
from tests.databases import Database

Activity = Callable[[Session, World], None]


def _nothing(session: Session, world: World) -> None:
    """No activity before this tick."""


def _before_week_3(session: Session, world: World) -> None:
    log_coaching(session, world, 2)


def _before_week_4(session: Session, world: World) -> None:
    log_coaching(session, world, 3)
    publish_survey(session, world)


def _before_week_5(session: Session, world: World) -> None:
    log_item(session, world, *LATE, LoggedStatus.DONE)  # week 3's, after its audit
    log_coaching(session, world, 4)

# Each step: what happens before it, then the tick at its instant.
STEPS: list[tuple[str, Activity, datetime]] = [
    ("day 1", _nothing, utc(1, 12)),
    ("day 2", lambda s, w: answer_standups(s, w, 1), utc(1, 13)),
    ("day 3", lambda s, w: answer_standups(s, w, 2), utc(1, 14)),
    ("day 4", lambda s, w: answer_standups(s, w, 3), utc(1, 15)),
    ("2027-W02", lambda s, w: answer_standups(s, w, 4), utc(1, 18)),
    ("2027-W03", _before_week_3, utc(1, 25)),
    ("2027-W04", _before_week_4, utc(2, 1)),
    ("2027-W05", _before_week_5, utc(2, 8)),
    ("read-out", _nothing, utc(2, 12)),
    ("2027-W06", _nothing, utc(2, 15)),
]
LABELS = [label for label, _, _ in STEPS]
WEEKLY_POSTS = {label: at for label, _, at in STEPS if label.startswith("2027")}


def run(database: Database, dispatcher: Dispatcher, world: World, *, until: str,
        after: str | None = None) -> None:
    """The steps after `after` (from the start if None) up to and including `until`."""
    first = LABELS.index(after) + 1 if after else 0
    for label, _, at in STEPS[first:LABELS.index(until) + 1]:
        activity_of(database, world, label)
        dispatcher.tick(now=at)


def activity_of(database: Database, world: World, label: str) -> None:
    """Log what happens before step `label`."""
    with database.session_factory.begin() as session:
        STEPS[LABELS.index(label)][1](session, world)


def audit_posts(fake: FakeSlack) -> list[dict[str, Any]]:
    """The messages in the audit channel, oldest first."""
    return fake.messages(AUDIT_CHANNEL)


def images(post: dict[str, Any]) -> set[str]:
    """The ids of the files a message shows in image blocks."""
    return {block["slack_file"]["id"] for block in post["blocks"] if block["type"] == "image"}


def all_text(message: dict[str, Any]) -> str:
    """The fallback text and every text of every block, one after the other."""
    texts = [str(message["text"])]
    for block in message.get("blocks") or []:
        for obj in [block.get("text"), *block.get("elements", []), block.get("title")]:
            if isinstance(obj, dict) and isinstance(obj.get("text"), str):
                texts.append(obj["text"])
    return "\n".join(texts)


def snapshots(database: Database) -> dict[str, str]:
    """Every stored snapshot as JSON text, by kind and ISO week."""
    with database.session_factory() as session:
        rows = session.scalars(select(AuditSnapshot)).all()
        return {f"{row.kind}:{row.week}": json.dumps(row.numbers, sort_keys=True) for row in rows}
