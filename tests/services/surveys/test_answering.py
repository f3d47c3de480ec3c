"""Answering: held sealed until closing, once per person, only while open and only from the
audience; closing writes every answer at once, or deletes them all below the minimum."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.domain.surveys.content import AnswerContent
from bot.errors import InvalidInput, NotAllowed
from bot.services.surveys.answer import record_answer
from bot.services.surveys.close import close_survey
from db.models import (
    Delivery,
    Survey,
    SurveyItemAnswer,
    SurveyOutcome,
    SurveyParticipation,
    SurveyPendingAnswer,
)
from tests.databases import Database
from tests.services.surveys.world import KEY, OUTSIDER, World, make_survey, make_world

OPENS = datetime(2027, 2, 1, 10, 0, tzinfo=UTC)
CLOSES = datetime(2027, 2, 5, 17, 0, tzinfo=UTC)
DURING = OPENS + timedelta(hours=2)


@pytest.fixture
def opened(database: Database) -> tuple[World, int]:
    """12 reps asked, minimum 5."""
    with database.session_factory.begin() as session:
        world = make_world(session)
        survey = make_survey(session, world, opens=OPENS, closes=CLOSES)
        return world, survey.id


def answer(database: Database, survey_id: int, slack_id: str, score: int, *,
           now: datetime = DURING, text: str | None = None) -> None:
    """One person answers, in a unit of work of its own (as the handler does)."""
    with database.session_factory.begin() as session:
        record_answer(session=session, survey_id=survey_id, slack_user_id=slack_id,
                      answer=AnswerContent(score=score, changed=text), now=now, key=KEY)


def counts(session: Session, survey_id: int) -> tuple[int, int, int]:
    """(participations, pending answers, batched answers) of the survey (a batched answer: its
    score's row, one per answer; its texts are rows of their own)."""
    def count(model: type[SurveyParticipation | SurveyPendingAnswer | SurveyItemAnswer]) -> int:
        query = select(func.count()).select_from(model).where(model.survey_id == survey_id)
        if model is SurveyItemAnswer:
            query = query.where(SurveyItemAnswer.score.is_not(None))
        return int(session.scalar(query) or 0)
    return count(SurveyParticipation), count(SurveyPendingAnswer), count(SurveyItemAnswer)


def test_answers_stay_sealed_until_closing(
    database: Database, opened: tuple[World, int]
) -> None:
    world, survey_id = opened
    for rep, score in zip(world.reps[:6], (10, 9, 3, 7, 6, 8), strict=True):
        answer(database, survey_id, rep, score, text="the new deck" if score > 5 else None)
    with database.session_factory() as session:
        assert counts(session, survey_id) == (6, 6, 0)  # past the minimum, still nothing readable
        sealed = list(session.scalars(select(SurveyPendingAnswer.sealed)))
        assert len({len(blob) for blob in sealed}) == 1  # one size: length tells nothing
        assert all(b"the new deck" not in blob for blob in sealed)
    with database.session_factory.begin() as session:
        close_survey(session=session, survey_id=survey_id, now=CLOSES, key=KEY)
    with database.session_factory() as session:
        assert counts(session, survey_id) == (6, 0, 6)
        scores = session.scalars(select(SurveyItemAnswer.score))
        assert sorted(score for score in scores if score is not None) == [3, 6, 7, 8, 9, 10]


@pytest.mark.parametrize(
    ("who", "when", "error", "message"),
    [
        ("UREP01", DURING, InvalidInput, "already answered"),
        ("UREP02", CLOSES, InvalidInput, "has closed"),
        (OUTSIDER, DURING, NotAllowed, "the program's reps"),
        ("UMANAGER", DURING, NotAllowed, "the program's reps"),
        ("UREP02", OPENS - timedelta(minutes=1), InvalidInput, "not open yet"),
    ],
)
def test_refused_answers_change_nothing(
    database: Database, opened: tuple[World, int], who: str, when: datetime,
    error: type[Exception], message: str,
) -> None:
    _, survey_id = opened
    answer(database, survey_id, "UREP01", 9)
    with pytest.raises(error, match=message):
        answer(database, survey_id, who, 2, now=when)
    with database.session_factory() as session:
        assert counts(session, survey_id) == (1, 1, 0)  # only UREP01's answer, held


def test_closing_below_the_minimum_deletes_the_answers_unread(
    database: Database, opened: tuple[World, int]
) -> None:
    world, survey_id = opened
    for rep in world.reps[:4]:
        answer(database, survey_id, rep, 9, text="keep the standups")
    with database.session_factory.begin() as session:
        close_survey(session=session, survey_id=survey_id, now=CLOSES, key=KEY)
    with database.session_factory() as session:
        assert counts(session, survey_id) == (4, 0, 0)
        survey = session.get(Survey, survey_id)
        assert survey is not None
        assert survey.outcome is SurveyOutcome.BELOW_MINIMUM
        posted = list(session.scalars(select(Delivery)))
        assert len(posted) == 1
        assert "fewer than the minimum of 5" in str(posted[0].blocks)
        assert "keep the standups" not in str(posted[0].blocks)
        assert "4" not in posted[0].text  # not even how many answered


def test_closing_rewrites_every_answer_and_queues_the_results(
    database: Database, opened: tuple[World, int]
) -> None:
    world, survey_id = opened
    for rep, score in zip(world.reps[:7], (10, 9, 9, 8, 7, 6, 3), strict=True):
        answer(database, survey_id, rep, score)
    with database.session_factory() as session:
        held = set(session.scalars(select(SurveyPendingAnswer.key)))
    with database.session_factory.begin() as session:
        close_survey(session=session, survey_id=survey_id, now=CLOSES, key=KEY)
    with database.session_factory() as session:
        assert counts(session, survey_id) == (7, 0, 7)
        assert not held & set(session.scalars(select(SurveyItemAnswer.key)))  # fresh keys
        posted = list(session.scalars(select(Delivery).order_by(Delivery.id)))
        assert [row.channel for row in posted] == ["CRESULTS"]
        assert posted[0].text.endswith("eNPS +14, 7 responses (58%)")


def test_a_closed_survey_cannot_be_closed_again(
    database: Database, opened: tuple[World, int]
) -> None:
    _, survey_id = opened
    with database.session_factory.begin() as session:
        close_survey(session=session, survey_id=survey_id, now=CLOSES, key=KEY)
    with database.session_factory.begin() as session, pytest.raises(InvalidInput, match="already"):
        close_survey(session=session, survey_id=survey_id, now=CLOSES, key=KEY)
