"""A survey's questions as stored: written once at creation, read back in order."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.surveys.questions import Question, QuestionKind
from db.models import Survey, SurveyQuestion, SurveyTemplate


def add_questions(session: Session, survey: Survey, questions: Sequence[Question]) -> list[int]:
    """Store the survey's questions in the order they are asked; their ids, in that order."""
    rows = [SurveyQuestion(survey_id=survey.id, position=position, kind=question.kind.value,
                           prompt=question.prompt.strip(), low_label=question.low,
                           high_label=question.high)
            for position, question in enumerate(questions)]
    session.add_all(rows)
    session.flush()
    return [row.id for row in rows]


def stored_questions(session: Session, survey: Survey) -> list[tuple[int, Question]]:
    """The survey's questions with their ids, in order (the eNPS template's too)."""
    rows = session.scalars(select(SurveyQuestion).where(SurveyQuestion.survey_id == survey.id)
                           .order_by(SurveyQuestion.position))
    return [(row.id, Question(QuestionKind(row.kind), row.prompt, row.low_label,
                              row.high_label)) for row in rows]


def questions_of(session: Session, survey: Survey) -> list[Question]:
    """The survey's questions in order."""
    return [question for _, question in stored_questions(session, survey)]


def form_questions(session: Session, survey: Survey) -> list[Question]:
    """The questions the answer form lists one by one; none for the eNPS template, whose form
    is its own (a 0-10 score and the three fixed texts, bot/blocks/survey.py)."""
    return [] if survey.template is SurveyTemplate.ENPS else questions_of(session, survey)


def questions_for(session: Session, survey_id: int) -> list[Question]:
    """The form's questions of the survey with this id (none: eNPS template, or no survey)."""
    survey = session.get(Survey, survey_id)
    return form_questions(session, survey) if survey is not None else []
