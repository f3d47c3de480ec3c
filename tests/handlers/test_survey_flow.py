"""A survey end to end through signed requests and the dispatcher: create, invite, answer,
remind, close; results only when the minimum is met."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from slack_sdk import WebClient
from sqlalchemy import select

from bot.fakeslack import FakeSlack, SignedSender
from bot.ids import ActionId
from bot.settings import Settings
from db.models import Survey
from tests.blockkit import assert_valid_blocks, assert_valid_view
from tests.databases import Database
from tests.handlers.surveys import (
    add_slack_people,
    ask,
    create_survey_in_slack,
    submit_answer,
    survey_dispatcher,
)
from tests.services.surveys.world import ENABLEMENT, RESULTS_CHANNEL, World, make_world

ALL_WEEK = (1, 2, 3, 4, 5, 6, 7)
SCORES = ("10", "9", "9", "8", "7", "6", "3")  # 3 promoters, 2 detractors of 7: eNPS +14


@pytest.fixture
def world(database: Database, fake_slack: FakeSlack) -> World:
    """12 reps (UTC, working every day so the test does not depend on today's weekday)."""
    with database.session_factory.begin() as session:
        world = make_world(session, working_days=ALL_WEEK)
    add_slack_people(fake_slack, world)
    return world


def dm_texts(fake: FakeSlack, user_id: str) -> list[str]:
    """The fallback texts of the bot's messages in its DM with `user_id` (blocks checked)."""
    messages = fake.messages(fake.dm_channel(user_id))
    for message in messages:
        assert_valid_blocks(message["blocks"])
    return [str(m["text"]) for m in messages]


def results_text(fake: FakeSlack) -> str:
    """Every block of every message in the results channel, as one string."""
    messages = fake.messages(RESULTS_CHANNEL)
    for message in messages:
        assert_valid_blocks(message["blocks"])
    return "\n".join(str(message["blocks"]) for message in messages)


def run_survey(
    slack: SignedSender, fake: FakeSlack, database: Database, client: WebClient,
    settings: Settings, world: World, answers: int,
) -> None:
    """Create, invite, `answers` reps answer, remind, close."""
    survey_id = create_survey_in_slack(slack, fake, database, world)
    with database.session_factory() as session:
        survey = session.get(Survey, survey_id)
        assert survey is not None
        opens, closes = survey.opens_at, survey.closes_at
    with survey_dispatcher(database, client, settings) as dispatcher:
        assert dispatcher.tick(now=opens + timedelta(days=1)).sent == 12  # every rep invited
        for rep, score in zip(world.reps[:answers], SCORES, strict=False):
            texts = {"changed": f"{rep} says: the <!channel> deck & talk tracks"}
            reply = submit_answer(slack, rep, survey_id, score, texts)
            assert reply.json is not None
            assert reply.json["response_action"] == "update"
            assert rep not in str(reply.json)
            assert "deck" not in str(reply.json)  # the thank-you does not repeat the answer
        dispatcher.tick(now=closes - timedelta(days=1) + timedelta(minutes=1))
        dispatcher.tick(now=closes - timedelta(minutes=1))
        dispatcher.tick(now=closes + timedelta(minutes=1))


def test_twelve_asked_seven_answer(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, slack_client: WebClient,
    settings: Settings, world: World,
) -> None:
    run_survey(slack, fake_slack, database, slack_client, settings, world, answers=7)
    for rep in world.reps:
        texts = dm_texts(fake_slack, rep)
        assert texts[0] == "Anonymous survey: Kickoff pulse"
        reminded = [text for text in texts if text.startswith("Reminder:")]
        assert len(reminded) == (1 if rep in world.reps[7:] else 0)  # only the 5 who did not
    shown = results_text(fake_slack)
    assert "*eNPS +14*" in shown
    assert "43% promoters (9-10) minus 29% detractors (0-6)" in shown
    assert "*7 responses* from 12 people asked (58% response rate)" in shown
    distribution = _distribution(fake_slack.messages(RESULTS_CHANNEL)[0]["blocks"])
    assert distribution == {10: 1, 9: 2, 8: 1, 7: 1, 6: 1, 5: 0, 4: 0, 3: 1, 2: 0, 1: 0, 0: 0}
    assert shown.count("the &lt;!channel&gt; deck &amp; talk tracks") == 7  # escaped, no ping
    assert "<!channel>" not in shown


def test_four_answers_show_nothing(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, slack_client: WebClient,
    settings: Settings, world: World,
) -> None:
    run_survey(slack, fake_slack, database, slack_client, settings, world, answers=4)
    messages = fake_slack.messages(RESULTS_CHANNEL)
    assert len(messages) == 1
    shown = results_text(fake_slack)
    assert "closed with fewer than the minimum of 5 responses" in shown
    for absent in ("eNPS", "deck", "responses from", "%", "10 "):
        assert absent not in shown
    with database.session_factory() as session:
        assert session.scalars(select(Survey.outcome)).one() == "below_minimum"


def test_the_answer_button_opens_the_modal_once(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, world: World
) -> None:
    survey_id = create_survey_in_slack(slack, fake_slack, database, world)
    rep = world.reps[0]
    click = slack.action(user_id=rep, action_id=ActionId.SURVEY_ANSWER, value=str(survey_id),
                         channel_id=fake_slack.dm_channel(rep))
    assert click.status == 200
    fake_slack.wait_for(lambda: len(fake_slack.calls_to("views.open")) == 2)
    modal = fake_slack.calls_to("views.open")[1].params["view"]
    assert_valid_view(modal)
    assert modal["private_metadata"] == str(survey_id)
    assert "*What is stored:*" in str(modal["blocks"])
    submit_answer(slack, rep, survey_id, "9")
    again = slack.action(user_id=rep, action_id=ActionId.SURVEY_ANSWER, value=str(survey_id),
                         channel_id=fake_slack.dm_channel(rep))
    assert again.status == 200
    fake_slack.wait_for(lambda: len(fake_slack.calls_to("views.open")) == 3)
    refusal = fake_slack.calls_to("views.open")[2].params["view"]
    assert_valid_view(refusal)
    assert "You have already answered this survey" in str(refusal["blocks"])


def test_status_shows_a_count_and_closing_early_posts_results(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, world: World
) -> None:
    survey_id = create_survey_in_slack(slack, fake_slack, database, world)
    for rep, score in zip(world.reps[:5], SCORES, strict=False):
        submit_answer(slack, rep, survey_id, score)
    status = ask(slack, fake_slack, ENABLEMENT, "survey status")
    assert_valid_blocks(status["blocks"])
    assert "*5 of 12* people have answered" in str(status["blocks"])
    before = len(fake_slack.responses)
    slack.action(user_id=ENABLEMENT, action_id=ActionId.SURVEY_CLOSE, value=str(survey_id),
                 channel_id="CGENERAL")
    fake_slack.wait_for(lambda: len(fake_slack.responses) > before)
    assert "results posted" in str(fake_slack.responses[before]["blocks"])
    with database.session_factory() as session:
        assert session.scalars(select(Survey.outcome)).one() == "published"


def _distribution(blocks: list[dict[str, Any]]) -> dict[int, int]:
    """Score -> count, read back from the distribution's code block."""
    texts = [block["text"]["text"] for block in blocks if "text" in block]
    text = next(text for text in texts if text.startswith("*Scores*"))
    rows = [line.split() for line in text.splitlines()[1:] if line.strip("`")]
    return {int(row[0]): int(row[-1]) for row in rows}
