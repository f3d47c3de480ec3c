"""Surveys of several questions: the gap template, a custom list, answers held sealed, one row
per answer per question at closing, results per question, deletion below the minimum."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from bot.domain.surveys.content import InvalidField
from bot.domain.surveys.questions import Question, QuestionKind
from bot.domain.surveys.templates import GAP_QUESTIONS
from bot.errors import InvalidInput
from bot.services.surveys.answer import record_answer
from bot.services.surveys.close import close_survey
from bot.services.surveys.create import SurveyValues, create_survey
from bot.services.surveys.item_results import item_results_of
from bot.services.surveys.sealing import seal_items, unseal_items
from db.models import (
    Delivery,
    Survey,
    SurveyItemAnswer,
    SurveyOutcome,
    SurveyPendingAnswer,
    SurveyTemplate,
)
from tests.databases import Database
from tests.services.surveys.world import KEY, RESULTS_CHANNEL, World, make_world

OPENS = datetime(2027, 2, 1, 10, 0, tzinfo=UTC)
CLOSES = datetime(2027, 2, 5, 17, 0, tzinfo=UTC)
DURING = OPENS + timedelta(hours=2)


def gap_survey(database: Database, *, minimum: int = 5) -> tuple[World, int]:
    """12 reps asked the gap survey."""
    with database.session_factory.begin() as session:
        world = make_world(session)
        survey = create_survey(session=session, values=SurveyValues(
            program_id=world.program_id, title="Gap survey", audience="reps", opens_at=OPENS,
            closes_at=CLOSES, results_channel=RESULTS_CHANNEL, minimum=minimum,
            template="gap"), actor=None, now=OPENS)
        return world, survey.id


def answer(database: Database, survey_id: int, rep: str, scores: tuple[int, ...],
           text: str | None = None) -> None:
    with database.session_factory.begin() as session:
        record_answer(session=session, survey_id=survey_id, slack_user_id=rep,
                      answer=(*scores, text), now=DURING, key=KEY)


def close(database: Database, survey_id: int) -> None:
    with database.session_factory.begin() as session:
        close_survey(session=session, survey_id=survey_id, now=CLOSES, key=KEY)


def test_sealed_items_open_back_and_weigh_like_an_enps_answer() -> None:
    longest = (5, 1, 3, 4, 2, "é" * 1000)
    sealed = seal_items(KEY, 7, longest)
    assert unseal_items(KEY, 7, sealed, GAP_QUESTIONS) == longest
    assert unseal_items(KEY, 8, sealed, GAP_QUESTIONS) is None  # another survey's label
    assert len(seal_items(KEY, 7, (1, 1, 1, 1, 1, None))) == len(sealed)


def test_gap_answers_are_one_row_per_question_and_results_match_a_hand_count(
    database: Database,
) -> None:
    world, survey_id = gap_survey(database)
    given = [(1, 2, 3, 4, 5), (2, 2, 3, 4, 4), (3, 2, 4, 4, 4), (4, 1, 5, 3, 4),
             (5, 2, 3, 4, 4), (4, 3, 3, 4, 5), (1, 2, 2, 2, 2), (2, 2, 3, 4, 5),
             (3, 3, 3, 3, 3), (4, 4, 4, 4, 4)]
    for number, (rep, scores) in enumerate(zip(world.reps, given, strict=False)):
        answer(database, survey_id, rep, scores, "more demos" if number % 2 else None)
    with database.session_factory() as session:
        assert session.scalar(select(func.count()).select_from(SurveyItemAnswer)) == 0
    close(database, survey_id)
    with database.session_factory() as session:
        rows = session.scalar(select(func.count()).select_from(SurveyItemAnswer))
        assert rows == 10 * 5 + 5  # five scale rows each, and the five texts written
        assert session.scalar(select(func.count()).select_from(SurveyPendingAnswer)) == 0
        survey = session.get(Survey, survey_id)
        assert survey is not None
        results = item_results_of(session=session, survey=survey)
    assert results is not None
    assert results.responses == 10
    skills, tooling = results.items[0], results.items[1]
    assert skills.mean == Decimal("2.9")  # 29 / 10
    assert skills.distribution == (2, 2, 2, 3, 1)  # 10 answered = twice the minimum: shown
    assert tooling.mean == Decimal("2.3")
    assert results.items[5].texts == ("more demos",) * 5


def test_a_scale_below_twice_the_minimum_shows_no_distribution(database: Database) -> None:
    world, survey_id = gap_survey(database)
    for rep in world.reps[:9]:
        answer(database, survey_id, rep, (4, 4, 4, 4, 5))
    close(database, survey_id)
    with database.session_factory() as session:
        survey = session.get(Survey, survey_id)
        assert survey is not None
        results = item_results_of(session=session, survey=survey)
        posted = " ".join(session.scalars(select(Delivery.text)))
        blocks = str(list(session.scalars(select(Delivery.blocks))))
    assert results is not None
    assert [item.distribution for item in results.items[:5]] == [None] * 5
    assert results.items[4].mean == Decimal("5.0")
    assert results.items[4].count == 9
    assert "9 responses" in posted
    assert "no distribution: fewer than 10 answered this question" in blocks
    assert "```" not in blocks  # no chart at all


def test_closing_a_gap_survey_below_the_minimum_deletes_every_answer(database: Database) -> None:
    world, survey_id = gap_survey(database)
    for rep in world.reps[:4]:
        answer(database, survey_id, rep, (1, 1, 1, 1, 1), "my own words")
    close(database, survey_id)
    with database.session_factory() as session:
        assert session.scalar(select(func.count()).select_from(SurveyItemAnswer)) == 0
        assert session.scalar(select(func.count()).select_from(SurveyPendingAnswer)) == 0
        survey = session.get(Survey, survey_id)
        assert survey is not None
        assert survey.outcome is SurveyOutcome.BELOW_MINIMUM
        assert "my own words" not in str(list(session.scalars(select(Delivery.blocks))))


def test_an_answer_that_does_not_fit_the_questions_is_refused(database: Database) -> None:
    world, survey_id = gap_survey(database)
    for wrong in ((1, 2, 3), (1, 2, 3, 4, 9, None), (1, 2, 3, 4, "five", None)):
        with database.session_factory.begin() as session, pytest.raises(InvalidInput):
            record_answer(session=session, survey_id=survey_id, slack_user_id=world.reps[0],
                          answer=wrong, now=DURING, key=KEY)
    with database.session_factory() as session:
        assert session.scalar(select(func.count()).select_from(SurveyPendingAnswer)) == 0


def test_the_gap_template_stores_its_six_questions(database: Database) -> None:
    _, survey_id = gap_survey(database)
    with database.session_factory() as session:
        survey = session.get(Survey, survey_id)
        assert survey is not None
        assert survey.template is SurveyTemplate.GAP
    assert [q.kind for q in GAP_QUESTIONS] == [QuestionKind.LIKERT] * 5 + [QuestionKind.TEXT]
    assert all(q.low and q.high for q in GAP_QUESTIONS[:5])


@pytest.mark.parametrize(("questions", "message"), [
    ((Question(QuestionKind.LIKERT, "Tools?", "Bad", None),), "needs a label for 5"),
    ((Question(QuestionKind.LIKERT, "  ", "Bad", "Good"),), "Question 1: the question is empty"),
    ((Question(QuestionKind.TEXT, "Anything?"),), "at least one 0-10 or 1-5"),
    ((), "at least one question"),
])
def test_a_custom_list_with_problems_is_refused(
    database: Database, questions: tuple[Question, ...], message: str,
) -> None:
    with database.session_factory.begin() as session:
        world = make_world(session)
        with pytest.raises(InvalidField, match=message):
            create_survey(session=session, values=SurveyValues(
                program_id=world.program_id, title="Own", audience="reps", opens_at=OPENS,
                closes_at=CLOSES, results_channel=RESULTS_CHANNEL, template="custom",
                questions=questions), actor=None, now=OPENS)
        assert session.scalar(select(func.count()).select_from(Survey)) == 0
