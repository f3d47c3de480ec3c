"""The adversarial test: a database administrator and a log reader try to link answers to their
authors, with every table (ctid and xmin on PostgreSQL), every log line at DEBUG and every Slack
call the bot made, during the survey and after it closed. No strategy may point at an author
within a crowd smaller than the survey's minimum.

The survey runs through the real handlers (signed requests) and the dispatcher: 12 reps asked,
minimum 5; 8 answer, the reminder goes out, 3 more answer, it closes.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import pytest
from slack_sdk import WebClient
from sqlalchemy import select

from bot.clock import SystemClock
from bot.fakeslack import FakeSlack, SignedSender
from bot.ids import ActionId
from bot.settings import Settings
from db.models import Person, Survey
from tests.databases import Database
from tests.handlers.surveys import (
    add_slack_people,
    create_survey_in_slack,
    submit_answer,
    survey_dispatcher,
)
from tests.services.surveys.attacker import (
    ANSWER_TABLE,
    Row,
    best_order_pairing,
    by_earlier_xmin,
    by_first_sight,
    by_same_xmin,
    by_shared_columns,
    dump,
    first_seen_times,
    markers_in,
    named_in,
    near_in_logs,
    timestamps_within,
)
from tests.services.surveys.world import make_world

MINIMUM = 5
ANSWERING = 11
BEFORE_REMINDER = 8
# Eleven answers cannot pair ten right and one wrong: more than 9 right means all 11, which a
# random order gives once in 11! per alignment tried; an order tied to the authors gives it.
ORDER_CHANCE_BOUND = 9
LOG_WINDOW = 0.05  # seconds: the lines of one request (the next one starts later)


@dataclass(frozen=True)
class Played:
    """What the attacker saw (tables, logs, Slack calls) and what only the test knows."""

    authors: dict[str, int]  # answer marker -> author's person id (the truth)
    order: list[int]  # authors in the order they answered
    people: dict[str, int]  # Slack id -> person id (the administrator can read this)
    snapshots: list[list[Row]]  # every table after each answer (and after the reminder)
    final: list[Row]  # every table after closing
    answering: list[tuple[datetime, datetime]]  # each answer: from its click to its thank-you
    clock_offset: timedelta  # the test clock's lead over the wall clock that stamps log records
    logs: list[logging.LogRecord]
    slack: list[Any]  # every Web API call's params and every response_url body


@pytest.fixture
def every_log_line(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    """Every logger at DEBUG, slack_bolt, slack_sdk, urllib3 and SQLAlchemy included."""
    names = {"", "slack_bolt", "slack_sdk", "urllib3", "kickoff.bolt", "sqlalchemy.engine",
             "sqlalchemy.pool", "waitress", *logging.root.manager.loggerDict}
    for name in names:
        caplog.set_level(logging.DEBUG, logger=name or None)  # restored after the test
    return caplog


@pytest.fixture
def played(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, slack_client: WebClient,
    settings: Settings, every_log_line: pytest.LogCaptureFixture,
) -> Played:
    """Run the survey through the handlers and the dispatcher, recording what can be seen."""
    with database.session_factory.begin() as session:
        world = make_world(session, working_days=(1, 2, 3, 4, 5, 6, 7))
    add_slack_people(fake_slack, world)
    survey_id = create_survey_in_slack(slack, fake_slack, database, world)
    with database.session_factory() as session:
        survey = session.get(Survey, survey_id)
        assert survey is not None
        people = dict(session.execute(select(Person.slack_user_id, Person.id)).all())
    markers = {rep: f"m{secrets.token_hex(6)}" for rep in world.reps[:ANSWERING]}
    snapshots: list[list[Row]] = []
    answering: list[tuple[datetime, datetime]] = []
    with survey_dispatcher(database, slack_client, settings) as dispatcher:
        dispatcher.tick(now=survey.opens_at + timedelta(days=1))
        for number, rep in enumerate(world.reps[:ANSWERING]):
            if number == BEFORE_REMINDER:
                dispatcher.tick(now=survey.closes_at - timedelta(days=1) + timedelta(minutes=1))
                snapshots.append(dump(database))
            started = fake_slack.clock.now()
            slack.action(user_id=rep, action_id=ActionId.SURVEY_ANSWER, value=str(survey_id),
                         channel_id=fake_slack.dm_channel(rep))
            reply = submit_answer(slack, rep, survey_id, str(number % 11),
                                  {"changed": f"{markers[rep]} new talk tracks"})
            assert reply.json is not None
            assert reply.json["response_action"] == "update"
            answering.append((started, fake_slack.clock.now()))
            snapshots.append(dump(database))
        dispatcher.tick(now=survey.closes_at + timedelta(minutes=1))
    assert isinstance(fake_slack.clock, SystemClock)  # the `clock` fixture's
    return Played(
        authors={marker: people[rep] for rep, marker in markers.items()},
        order=[people[rep] for rep in world.reps[:ANSWERING]], people=people,
        snapshots=snapshots, final=dump(database), answering=answering,
        clock_offset=fake_slack.clock.offset,
        logs=list(every_log_line.records),
        slack=[call.params for call in fake_slack.calls] + fake_slack.responses,
    )


def linked(candidates: dict[str, set[int]], rows: list[Row], authors: dict[str, int]) -> list[str]:
    """Answers a strategy points at within fewer than MINIMUM people, its author among them
    (the answers whose author the test knows: those holding a marker)."""
    found = []
    for row in rows:
        if row.table != ANSWER_TABLE or not markers_in(row.values, authors):
            continue
        (marker,) = markers_in(row.values, authors)
        crowd = candidates.get(row.values["key"], set())
        if authors[marker] in crowd and len(crowd) < MINIMUM:
            found.append(f"{marker}: one of {len(crowd)}")
    return found


def test_no_strategy_links_an_answer_to_its_author(played: Played) -> None:
    check_holding_area_and_batches(played)
    check_tables_after_closing(played)
    check_physical_order(played)
    check_rows_written_around_answers(played)
    check_logs_and_slack(played)


def check_holding_area_and_batches(played: Played) -> None:
    """During the survey: nothing readable at all, every answer sealed in the holding table."""
    visible = []
    for rows in played.snapshots:
        shown = [r for r in rows if r.table == ANSWER_TABLE]
        elsewhere = [r.table for r in rows
                     if r.table != ANSWER_TABLE and markers_in(r.values, played.authors)]
        assert elsewhere == []  # sealed while held, and nowhere else
        visible.append(len(shown))
        assert linked(by_same_xmin(rows, played.people), rows, played.authors) == []
        assert linked(by_earlier_xmin(rows), rows, played.authors) == []
    assert visible == [0] * (ANSWERING + 1)  # no batch at all before closing


def check_tables_after_closing(played: Played) -> None:
    """After closing: no join, no transaction id, no content elsewhere ties an answer."""
    rows, authors = played.final, played.authors
    answers = [row for row in rows if row.table == ANSWER_TABLE]
    assert len(answers) == ANSWERING * 2  # each answer's score and its text, rows of their own
    assert set(answers[0].values) == {"key", "survey_id", "question_id", "score", "text"}
    for row in rows:
        if row.table != ANSWER_TABLE and markers_in(row.values, authors):
            assert row.table == "delivery"  # the results post: all of them, to a channel
            assert row.values["person_id"] is None
            assert len(markers_in(row.values, authors)) >= MINIMUM
    assert linked(by_shared_columns(rows, played.people), rows, authors) == []
    assert linked(by_same_xmin(rows, played.people), rows, authors) == []
    assert linked(by_earlier_xmin(rows), rows, authors) == []
    assert linked(by_first_sight([*played.snapshots, rows]), rows, authors) == []
    written = {row.xmin for row in rows if row.table in (ANSWER_TABLE, "survey_participation")}
    assert len(written) == 1  # one transaction wrote every answer and every "has answered"


def check_physical_order(played: Played) -> None:
    """Pairing answers with people by ctid/rowid or key order does no better than chance."""
    answers = [row for row in played.final
               if row.table == ANSWER_TABLE and markers_in(row.values, played.authors)]
    truth = {r.values["key"]: played.authors[next(iter(markers_in(r.values, played.authors)))]
             for r in answers}
    participations = sorted((r for r in played.final if r.table == "survey_participation"),
                            key=lambda r: r.position)
    answer_orders = {
        "physical": [r.values["key"] for r in sorted(answers, key=lambda r: r.position)],
        "by key": sorted(truth),
    }
    people_orders = {
        "answering order": played.order,
        "physical order of the participation rows":
            [int(r.values["person_id"]) for r in participations],
    }
    for answer_order, keys in answer_orders.items():
        for people_order, people in people_orders.items():
            found = best_order_pairing(keys, people, truth)
            assert found <= ORDER_CHANCE_BOUND, (answer_order, people_order)


def check_rows_written_around_answers(played: Played) -> None:
    """No row naming anyone carries a time from the answering; answering changed no reminder."""
    for first, last in played.answering:
        assert timestamps_within(played.final, first, last, played.people) == set()
    reminders = [{(r.values["key"], r.xmin, r.values["status"]) for r in snapshot
                  if r.table == "delivery" and r.values["kind"] == "survey_reminder"}
                 for snapshot in (played.snapshots[BEFORE_REMINDER], played.final)]
    assert len(reminders[0]) == ANSWERING + 1 - BEFORE_REMINDER
    assert reminders[0] == reminders[1]  # 3 reminded people answered: no reminder row changed


def check_logs_and_slack(played: Played) -> None:
    """No log line and no Slack call puts a person next to fewer answers than the minimum."""
    markers = set(played.authors)
    assert any(markers_in(r.getMessage(), markers) for r in played.logs)  # SQL shows answers
    assert any(rep in r.getMessage() for r in played.logs for rep in played.people)
    for record in played.logs:  # one line naming someone next to their answer
        shown = markers_in(record.getMessage(), markers)
        assert not shown or not named_in(record, played.people) or len(shown) >= MINIMUM
    for shown, named in near_in_logs(played.logs, markers, played.people, window=LOG_WINDOW):
        assert not named or len(shown) >= MINIMUM
    # Every answer shows up in the log only after the last person answered (at closing), so the
    # order in which answers appear says nothing of who answered when.
    first_seen = first_seen_times(played.logs, markers)
    last_answer = (max(end for _, end in played.answering) - played.clock_offset).timestamp()
    assert len(first_seen) == ANSWERING
    assert all(seen > last_answer for seen in first_seen.values())
    for payload in played.slack:
        shown = markers_in(payload, played.authors)
        mentioned = [rep for rep in played.people if rep in str(payload)]
        assert not shown or (len(shown) >= MINIMUM and not mentioned)
