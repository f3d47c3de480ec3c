"""Surveys' share of a program copy: each survey as a template (title, questions, audience,
minimum, results channel), its dates moved with the kickoff; no answer, participation,
reminder or outcome."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Program, Survey, SurveyQuestion

QUESTION_FIELDS = ("position", "kind", "prompt", "low_label", "high_label")


def copy_survey_templates(*, session: Session, source: Program, copy: Program) -> None:
    """Carry every survey of `source` over to `copy`, as many days from its kickoff."""
    shift = copy.kickoff_date - source.kickoff_date
    for survey in session.scalars(select(Survey).where(Survey.program_id == source.id)
                                  .order_by(Survey.id)):
        new = Survey(
            workspace_id=copy.workspace_id, program_id=copy.id, title=survey.title,
            question=survey.question, audience=survey.audience, template=survey.template,
            opens_at=survey.opens_at + shift, closes_at=survey.closes_at + shift,
            results_channel=survey.results_channel, minimum=survey.minimum,
            created_by=survey.created_by)
        session.add(new)
        session.flush()
        for question in session.scalars(select(SurveyQuestion).where(
                SurveyQuestion.survey_id == survey.id)):
            session.add(SurveyQuestion(survey_id=new.id, **{
                name: getattr(question, name) for name in QUESTION_FIELDS}))
