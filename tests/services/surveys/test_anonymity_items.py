"""The adversarial test of tests/services/surveys/test_anonymity.py for the six-question gap
survey: the same attacks (every table with ctid and xmin, every log line at DEBUG, every Slack
call, during the survey and after it), plus linking one person's answers to two questions, and,
on PostgreSQL, every tuple version in the pages, dead ones included.

12 reps asked, minimum 5; 8 answer, the reminder goes out, 3 more answer, it closes. Each
answerer's scale answers spread over the whole scale, about two in eleven sharing each value,
so the test can tell whether an attacker put a person's answers back together.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

import pytest
from slack_sdk import WebClient
from sqlalchemy import select

from bot.clock import SystemClock
from bot.fakeslack import FakeSlack, SignedSender
from bot.ids import ActionId, SurveyField
from bot.settings import Settings
from db.models import Person, Survey, SurveyQuestion, SurveyTemplate
from tests.databases import Database
from tests.handlers.surveys import (
    add_slack_people,
    closing_in,
    create_values,
    submit_create,
    submit_items,
    survey_dispatcher,
)
from tests.services.surveys.attacker import (
    Row,
    best_order_pairing,
    by_first_sight,
    dump,
    markers_in,
    people_of,
)
from tests.services.surveys.attacker_items import (
    by_question,
    columns_joining_questions,
    item_rows,
    raw_tuples,
    reassembled_by_neighbours,
)
from tests.services.surveys.test_anonymity import (
    ANSWERING,
    BEFORE_REMINDER,
    MINIMUM,
    ORDER_CHANCE_BOUND,
    Played,
    check_logs_and_slack,
    check_rows_written_around_answers,
    every_log_line,  # noqa: F401  # the fixture, shared
    linked,
)
from tests.services.surveys.world import ENABLEMENT, World, make_world

SCALE_ITEMS = 5
# A grouped or ordered write puts all 11 back together; a shuffled one, by chance, almost none.
NEIGHBOURS_BOUND = 2
# Pairing texts with scale answers by order counts equal values too (about 2 in 11 share each),
# and the check tries hundreds of alignments (orders, rotations, items), so chance alone
# reaches 9 of 11 now and then; the signature of a leak is a pairing of every answer.
VALUE_PAIRING_BOUND = ANSWERING - 1


STEPS = (1, 2, 3, 4, 1)


def vector(number: int) -> tuple[int, ...]:
    """The answerer's five scale answers, each item spread evenly over 1 to 5."""
    return tuple((number * step + item) % 5 + 1 for item, step in enumerate(STEPS))


def create_gap_survey(slack: SignedSender, fake: FakeSlack, database: Database,
                      world: World) -> int:
    """Enablement creates the gap survey in the modal; its id."""
    values = create_values(program_id=world.program_id, closes=closing_in(fake, 4))
    values[SurveyField.TEMPLATE] = {ActionId.SURVEY_INPUT: {
        "type": "radio_buttons", "selected_option": {"value": SurveyTemplate.GAP.value}}}
    response = submit_create(slack, ENABLEMENT, values)
    assert response.json is not None
    assert response.json["response_action"] == "update"
    with database.session_factory() as session:
        return session.scalars(select(Survey.id)).one()


@pytest.fixture
def played_items(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, slack_client: WebClient,
    settings: Settings, every_log_line: pytest.LogCaptureFixture,  # noqa: F811
) -> tuple[Played, dict[int, tuple[int, ...]], list[int]]:
    """Run the gap survey through the handlers and the dispatcher, recording what is seen;
    with each author's scale answers and the scale questions' ids."""
    with database.session_factory.begin() as session:
        world = make_world(session, working_days=(1, 2, 3, 4, 5, 6, 7))
    add_slack_people(fake_slack, world)
    survey_id = create_gap_survey(slack, fake_slack, database, world)
    with database.session_factory() as session:
        survey = session.get(Survey, survey_id)
        assert survey is not None
        assert survey.template is SurveyTemplate.GAP
        people = dict(session.execute(select(Person.slack_user_id, Person.id)).all())
        questions = list(session.scalars(select(SurveyQuestion.id).where(
            SurveyQuestion.survey_id == survey_id).order_by(SurveyQuestion.position)))
    assert len(questions) == SCALE_ITEMS + 1
    markers = {rep: f"m{secrets.token_hex(6)}" for rep in world.reps[:ANSWERING]}
    snapshots: list[list[Row]] = []
    answering = []
    with survey_dispatcher(database, slack_client, settings) as dispatcher:
        dispatcher.tick(now=survey.opens_at + timedelta(days=1))
        for number, rep in enumerate(world.reps[:ANSWERING]):
            if number == BEFORE_REMINDER:
                dispatcher.tick(now=survey.closes_at - timedelta(days=1) + timedelta(minutes=1))
                snapshots.append(dump(database))
            started = fake_slack.clock.now()
            slack.action(user_id=rep, action_id=ActionId.SURVEY_ANSWER, value=str(survey_id),
                         channel_id=fake_slack.dm_channel(rep))
            reply = submit_items(slack, rep, survey_id, [
                *(str(v) for v in vector(number)), f"{markers[rep]} no pipeline tooling"])
            assert reply.json is not None
            assert reply.json["response_action"] == "update"
            answering.append((started, fake_slack.clock.now()))
            snapshots.append(dump(database))
        dispatcher.tick(now=survey.closes_at + timedelta(minutes=1))
    assert isinstance(fake_slack.clock, SystemClock)  # the `clock` fixture's
    authors = {marker: people[rep] for rep, marker in markers.items()}
    played = Played(
        authors=authors, order=[people[rep] for rep in world.reps[:ANSWERING]], people=people,
        snapshots=snapshots, final=dump(database), answering=answering,
        clock_offset=fake_slack.clock.offset, logs=list(every_log_line.records),
        slack=[call.params for call in fake_slack.calls] + fake_slack.responses,
    )
    vectors = {people[rep]: vector(n) for n, rep in enumerate(world.reps[:ANSWERING])}
    return played, vectors, questions[:SCALE_ITEMS]


def test_no_strategy_links_a_gap_answer_to_its_author_or_to_another_answer(
    played_items: tuple[Played, dict[int, tuple[int, ...]], list[int]], database: Database,
) -> None:
    played, vectors, scale_questions = played_items
    check_held_until_closing(played)
    check_item_tables(played)
    check_orders(played, vectors, scale_questions)
    check_rows_written_around_answers(played)
    check_logs_and_slack(played)
    if database.engine.dialect.name == "postgresql":
        check_every_tuple_version(played, database)


def check_held_until_closing(played: Played) -> None:
    """During the survey no answer row exists and no table shows any answer."""
    for rows in played.snapshots:
        assert item_rows(rows) == []
        assert [r.table for r in rows if markers_in(r.values, played.authors)] == []


def check_item_tables(played: Played) -> None:
    """After closing: one row per answer per question, nothing to join two of them on, one
    transaction wrote every answer and every "has answered"."""
    rows, authors = played.final, played.authors
    answers = item_rows(rows)
    assert len(answers) == ANSWERING * (SCALE_ITEMS + 1)
    assert set(answers[0].values) == {"key", "survey_id", "question_id", "score", "text"}
    assert all(len(markers_in(r.values, authors)) <= 1 for r in answers)
    assert columns_joining_questions(rows) == set()
    for row in rows:
        if row.table != "survey_item_answer" and markers_in(row.values, authors):
            assert row.table == "delivery"
            assert row.values["person_id"] is None
            assert len(markers_in(row.values, authors)) >= MINIMUM
    answer_xids = {r.xmin for r in rows if r.table in ("survey_item_answer",
                                                         "survey_participation")}
    assert len(answer_xids) == 1
    for answer in answers:  # rows sharing its transaction or a column name everybody or nobody
        crowd = set().union(*(people_of(r, played.people) for r in rows
                              if r.xmin == answer.xmin and r is not answer))
        assert crowd == set() or len(crowd) >= MINIMUM
    first_sight = by_first_sight([*played.snapshots, rows])
    assert linked(first_sight, rows, authors) == []


def check_orders(
    played: Played, vectors: dict[int, tuple[int, ...]], scale_questions: list[int]
) -> None:
    """Physical and key order pair neither a text with its author nor with their scale answers;
    the rows around a text do not hold its author's answers."""
    grouped = by_question(played.final)
    texts = [r for r in item_rows(played.final) if r.values["text"] is not None]
    truth = {r.values["key"]: played.authors[next(iter(markers_in(r.values, played.authors)))]
             for r in texts}
    text_orders = {"physical": [r.values["key"] for r in sorted(texts, key=lambda r: r.position)],
                   "by key": sorted(truth)}
    participations = [int(r.values["person_id"]) for r in sorted(
        (r for r in played.final if r.table == "survey_participation"), key=lambda r: r.position)]
    for name, keys in text_orders.items():
        for people in (played.order, participations):
            assert best_order_pairing(keys, people, truth) <= ORDER_CHANCE_BOUND, name
        for item, question in enumerate(scale_questions):
            for scale_rows in (grouped[question],
                               sorted(grouped[question], key=lambda r: r.values["key"])):
                scores = [int(r.values["score"]) for r in scale_rows]
                assert _value_pairing(keys, scores, truth, vectors, item) <= VALUE_PAIRING_BOUND
    found = reassembled_by_neighbours(played.final, played.authors, vectors, scale_questions,
                                      reach=SCALE_ITEMS)
    assert len(found) <= NEIGHBOURS_BOUND


def _value_pairing(keys: list[str], scores: list[int], truth: dict[str, int],
                   vectors: dict[int, tuple[int, ...]], item: int) -> int:
    """The most texts paired, by order (any rotation, either way), with a row holding their
    author's answer to the item."""
    best = 0
    for ordered in (scores, scores[::-1]):
        for shift in range(len(ordered)):
            rotated = ordered[shift:] + ordered[:shift]
            best = max(best, sum(vectors[truth[key]][item] == score
                                 for key, score in zip(keys, rotated, strict=False)))
    return best


def check_every_tuple_version(played: Played, database: Database) -> None:
    """PostgreSQL's pages, dead versions included: answers were written once and never
    touched; no held or "has answered" version, live or dead, holds any answer."""
    versions = raw_tuples(database, "survey_item_answer")
    assert len(versions) == ANSWERING * (SCALE_ITEMS + 1)  # no dead version at all
    assert len({xmin for xmin, _, _ in versions}) == 1
    assert {x for _, x, _ in versions} == {0}
    markers = [marker.encode() for marker in played.authors]
    for table in ("survey_pending_answer", "survey_participation", "survey_question"):
        for _, _, data in raw_tuples(database, table):
            assert not any(marker in data for marker in markers), table
    held = raw_tuples(database, "survey_pending_answer")
    assert len(held) == ANSWERING
    assert len({len(data) for _, _, data in held}) == 1
