"""Results of a closed survey of several questions, question by question, shown only when the
minimum was met: read from each question's own rows, never from one person's answers together."""

from __future__ import annotations

import secrets
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.surveys.item_results import ItemResults, item_result
from bot.domain.surveys.items import ItemAnswers
from bot.domain.surveys.questions import Question
from bot.domain.surveys.results import rounded_percent
from bot.services.surveys.questions import stored_questions
from db.models import Survey, SurveyItemAnswer, SurveyOutcome

_random = secrets.SystemRandom()


def summarize_items(
    questions: Sequence[Question], columns: Sequence[list[int | str]], *, responses: int,
    audience_size: int, minimum: int,
) -> ItemResults | None:
    """The results from each question's answers (`columns`, in the questions' order), or None
    below the minimum (nothing may be shown)."""
    if responses < minimum or responses == 0:
        return None
    items = []
    for question, values in zip(questions, columns, strict=True):
        shuffled = list(values)
        _random.shuffle(shuffled)  # each question on its own: positions pair nobody up
        items.append(item_result(question, shuffled, minimum=minimum))
    return ItemResults(
        responses=responses, audience_size=audience_size,
        response_rate=rounded_percent(responses, max(audience_size, responses)),
        items=tuple(items),
    )


def columns_of(responses: Sequence[ItemAnswers], count: int) -> list[list[int | str]]:
    """Each question's answers apart (what closing writes as rows of their own)."""
    columns: list[list[int | str]] = [[] for _ in range(count)]
    for response in responses:
        for column, value in zip(columns, response, strict=True):
            if value is not None:
                column.append(value)
    return columns


def answer_columns(session: Session, survey: Survey) -> list[tuple[Question, list[int | str]]]:
    """Each question of the survey with its answers, read from its own rows (plain rows, not
    ORM objects: a survey of 10,000 reps is read whole)."""
    columns = []
    for question_id, question in stored_questions(session, survey):
        rows = session.execute(select(SurveyItemAnswer.score, SurveyItemAnswer.text).where(
            SurveyItemAnswer.question_id == question_id)).all()
        columns.append((question, [row.score if question.is_scale else row.text for row in rows]))
    return columns


def item_results_of(*, session: Session, survey: Survey) -> ItemResults | None:
    """A closed survey's results; None while it is open or when the minimum was not met."""
    if survey.outcome is not SurveyOutcome.PUBLISHED:
        return None
    columns = answer_columns(session, survey)
    responses = max((len(values) for question, values in columns if question.is_scale),
                    default=0)
    return summarize_items([q for q, _ in columns], [values for _, values in columns],
                           responses=responses, audience_size=survey.audience_size or responses,
                           minimum=survey.minimum)
