"""Acceptance: 300 answers arriving in a burst are posted once each, in order, under Slack's
per-channel limit the fake server enforces, drawing no 429 (on a virtual clock: no real waits)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from slack_sdk import WebClient

from bot.domain.standups.fields import Field
from bot.fakeslack import FakeSlack
from bot.services.standups.answer import Outcome, submit_answer
from bot.services.standups.turn import StandupTurn
from db.models import Role
from scheduler.config import DispatchConfig
from scheduler.dispatcher import Dispatcher
from scheduler.plans.standups import StandupPlanner
from tests.conftest import BOT_TOKEN
from tests.databases import Database
from tests.factories import add_member, make_person, make_program, make_workspace
from tests.standup_world import CHANNEL, KICKOFF, utc

REPS = 300
PER_CHANNEL_PER_SECOND = 1  # Slack's own limit for posting in one channel
CONFIG = DispatchConfig(per_minute=600_000, channel_interval=1.0, retry_backoff=0.01)
ANSWERED_AT = utc(2027, 3, 12, 8, 5)  # 09:05 in Berlin on Day 1


@pytest.fixture
def program_id(database: Database) -> int:
    """A program with 300 reps in Berlin."""
    with database.session_factory.begin() as session:
        workspace = make_workspace(session)
        program = make_program(session, workspace, kickoff_date=KICKOFF, standup_channel=CHANNEL)
        for n in range(REPS):
            rep = make_person(
                session, workspace, f"U{n:04d}", tz="Europe/Berlin", name=f"Rep {n:04d}"
            )
            add_member(session, program, rep, Role.REP)
        return program.id


@pytest.fixture
def paced(database: Database, virtual_slack: FakeSlack) -> Iterator[Dispatcher]:
    """A dispatcher pacing the channel at the fake server's limit, on the fake's virtual clock."""
    dispatcher = Dispatcher(
        session_factory=database.session_factory,
        client=WebClient(token=BOT_TOKEN, base_url=virtual_slack.api_url),
        planners=[StandupPlanner()],
        config=CONFIG,
        clock=virtual_slack.clock,
    )
    yield dispatcher
    dispatcher.close()


def test_300_answers_in_a_burst_are_posted_once_in_order_without_a_429(
    database: Database, virtual_slack: FakeSlack, paced: Dispatcher, program_id: int
) -> None:
    fake_slack = virtual_slack
    fake_slack.add_channel(CHANNEL, "kickoff-standups")
    fake_slack.limit_rate(per_channel_per_second=PER_CHANNEL_PER_SECOND)
    for n in range(REPS):
        with database.session_factory.begin() as session:
            done = submit_answer(
                session=session,
                turn=StandupTurn(
                    program_id=program_id,
                    rep_user_id=f"U{n:04d}",
                    actor_user_id=f"U{n:04d}",
                    number=1,
                    now=ANSWERED_AT,
                ),
                opened_revision=0,
                raw={Field.ACTIVITY: f"Activity {n}", Field.WIN: "A win", Field.BLOCKER: None},
            )
        assert done.outcome is Outcome.CREATED
    result = paced.tick(now=utc(2027, 3, 12, 8, 6))
    assert result.failed == 0
    parents = fake_slack.messages(CHANNEL)
    assert len(parents) == 1
    replies = fake_slack.replies(CHANNEL, parents[0]["ts"])
    mentions = [reply["blocks"][0]["text"]["text"].split(">")[0] for reply in replies]
    assert mentions == [f"<@U{n:04d}" for n in range(REPS)]  # each once, in answer order
    assert fake_slack.rate_limited_calls == 0
    assert "300 / 300 answered" in str(parents[0]["blocks"])  # the count, updated once
