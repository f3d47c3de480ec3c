"""A survey's questions as stored: written once at creation, read back in order."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.surveys.questions import Question, QuestionKind
from db.models import Survey, SurveyQuestion, SurveyTemplate


def add_questions(session: Session, survey: Survey, questions: Sequence[Question]) -> None:
    """Store the survey's questions in the order they are asked."""
    session.add_all(
        SurveyQuestion(survey_id=survey.id, position=position, kind=question.kind.value,
                       prompt=question.prompt.strip(), low_label=question.low,
                       high_label=question.high)
        for position, question in enumerate(questions)
    )
    session.flush()


def stored_questions(session: Session, survey: Survey) -> list[tuple[int, Question]]:
    """The survey's questions with their ids, in order; none for the eNPS template."""
    if survey.template is SurveyTemplate.ENPS:
        return []
    rows = session.scalars(select(SurveyQuestion).where(SurveyQuestion.survey_id == survey.id)
                           .order_by(SurveyQuestion.position))
    return [(row.id, Question(QuestionKind(row.kind), row.prompt, row.low_label,
                              row.high_label)) for row in rows]


def questions_of(session: Session, survey: Survey) -> list[Question]:
    """The survey's questions in order (empty for the eNPS template)."""
    return [question for _, question in stored_questions(session, survey)]


def questions_for(session: Session, survey_id: int) -> list[Question]:
    """The questions of the survey with this id (empty: eNPS template, or no such survey)."""
    survey = session.get(Survey, survey_id)
    return questions_of(session, survey) if survey is not None else []
