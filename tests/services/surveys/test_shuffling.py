"""Published answers and "has answered" rewrites land in a fresh random physical order every
time: over many rewrites no answer or person keeps to a position (ctid on PostgreSQL, rowid on
SQLite)."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, insert, select, text
from sqlalchemy.orm import Session

from bot.domain.surveys.content import AnswerContent
from bot.services.surveys.batching import publish_answers, random_key, rewrite_participation
from bot.services.surveys.sealing import seal_items
from db.models import Person, Survey, SurveyItemAnswer, SurveyParticipation, SurveyPendingAnswer
from tests.databases import Database
from tests.services.surveys.world import KEY, make_survey, make_world

TRIALS = 60
SIZE = 5
# Each (item, position) cell expects TRIALS / SIZE = 12; a fixed order would put 60 in one.
MOST_IN_ONE_CELL = 30
OPENS = datetime(2027, 2, 1, 10, 0, tzinfo=UTC)


def physical(session: Session, table: str, column: str) -> list[int]:
    """A column's values in physical row order."""
    position = "ctid" if session.get_bind().dialect.name == "postgresql" else "rowid"
    return list(session.scalars(text(f"SELECT {column} FROM {table} ORDER BY {position}")))


def survey_of_five(database: Database) -> tuple[int, list[int]]:
    """A survey of five reps (minimum 5); its id and the reps' person ids."""
    with database.session_factory.begin() as session:
        world = make_world(session, reps=SIZE)
        survey = make_survey(session, world, opens=OPENS, closes=OPENS + timedelta(days=3))
        people = list(session.scalars(select(Person.id).where(
            Person.slack_user_id.in_(world.reps)).order_by(Person.id)))
        return survey.id, people


def test_answers_are_published_in_a_fresh_random_order(database: Database) -> None:
    survey_id, _ = survey_of_five(database)
    cells: Counter[tuple[int, int]] = Counter()
    for _ in range(TRIALS):
        with database.session_factory.begin() as session:
            session.execute(delete(SurveyItemAnswer))
            for score in range(SIZE):  # held in a known order
                session.execute(insert(SurveyPendingAnswer).values(
                    key=random_key(), survey_id=survey_id,
                    sealed=seal_items(KEY, survey_id, AnswerContent(score=score).items())))
            survey = session.get(Survey, survey_id)
            assert survey is not None
            assert len(publish_answers(session, survey, KEY)) == SIZE
        with database.session_factory() as session:
            cells.update(enumerate(physical(session, "survey_item_answer", "score")))
    assert max(cells.values()) <= MOST_IN_ONE_CELL
    assert len(cells) == SIZE * SIZE  # every answer was seen in every position


def test_each_rewrite_of_who_answered_is_in_a_fresh_random_order(database: Database) -> None:
    survey_id, people = survey_of_five(database)
    with database.session_factory.begin() as session:
        session.execute(insert(SurveyParticipation), [
            {"survey_id": survey_id, "person_id": person} for person in people])
    cells: Counter[tuple[int, int]] = Counter()
    for _ in range(TRIALS):
        with database.session_factory.begin() as session:
            rewrite_participation(session, survey_id)
        with database.session_factory() as session:
            cells.update(enumerate(physical(session, "survey_participation", "person_id")))
    assert max(cells.values()) <= MOST_IN_ONE_CELL
    assert len(cells) == SIZE * SIZE
