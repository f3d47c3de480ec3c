"""300 managers: the audit post stays within Slack's limits, names the lowest managers and links
the full table as a CSV file (uploaded unshared, like the chart)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from slack_sdk import WebClient
from sqlalchemy import select

from bot.domain.audit.standings import below_target
from bot.fakeslack import FakeSlack
from bot.scale import build_scaled_program
from bot.services.audit.snapshot import week_numbers_of
from db.models import AuditSnapshot
from scheduler.dispatcher import Dispatcher
from scheduler.plans.audit import AuditPlanner
from tests.blockkit import assert_valid_blocks
from tests.conftest import FAST
from tests.databases import Database
from tests.scheduler.audit_run import all_text

WEEK_2_POST = datetime(2027, 1, 25, 8, tzinfo=UTC)  # Monday 09:00 in Berlin
MAX_BLOCKS, MAX_TEXT, MAX_TOTAL = 50, 3000, 40_000


@pytest.fixture
def audit_only(database: Database, slack_client: WebClient) -> Iterator[Dispatcher]:
    """A dispatcher with the audit planner alone (the reps are not in the fake workspace)."""
    sender = Dispatcher(session_factory=database.session_factory, client=slack_client,
                        planners=[AuditPlanner()], config=FAST)
    yield sender
    sender.close()


def texts_of(message: dict[str, Any]) -> list[str]:
    """Every text object's text in the message's blocks."""
    return all_text({"text": "", "blocks": message["blocks"]}).splitlines(keepends=False)


def test_300_managers_fit_in_one_post_that_links_the_full_table_as_csv(
    database: Database, fake_slack: FakeSlack, audit_only: Dispatcher
) -> None:
    fake_slack.add_channel("CAUDIT", "kickoff-audit")
    with database.session_factory.begin() as session:
        build_scaled_program(session, managers=300, reps_per_manager=2)
    audit_only.tick(now=WEEK_2_POST)
    [post] = fake_slack.messages("CAUDIT")
    blocks = post["blocks"]
    assert_valid_blocks(blocks)
    assert len(blocks) <= MAX_BLOCKS
    assert all(len(block.get("text", {}).get("text", "")) <= MAX_TEXT for block in blocks)
    assert len(post["text"]) + sum(len(text) for text in texts_of(post)) <= MAX_TOTAL
    with database.session_factory() as session:
        snapshot = session.scalars(select(AuditSnapshot)).one()
        below = len(below_target(week_numbers_of(snapshot)))
    assert below >= 150  # more than a message can list
    assert f"*300 managers, {below} below the 95% 1:1 target.*" in all_text(post)
    [csv_id] = [file_id for file_id, file in fake_slack.files.items()
                if file["filename"].endswith(".csv")]
    assert f"/{csv_id}/" in all_text(post)  # the link is the CSV file's permalink
    table = fake_slack.files[csv_id]
    assert table["channels"] == []  # shared to no channel: only the message links it
    rows = list(csv.DictReader(io.StringIO(table["content"].decode())))
    assert len(rows) == 300  # every manager, week 2
    assert {row["level"] for row in rows} == {"manager"}
