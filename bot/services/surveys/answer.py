"""Answering a survey: who may, once, while it is open. The answer is sealed and held until
the survey closes; the "has answered" record is written with it and never tells what was
answered."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from bot.domain.surveys.content import AnswerContent
from bot.domain.surveys.items import ItemAnswers, fits
from bot.errors import InvalidInput, KickoffError, NotAllowed, NotFound
from bot.services.surveys.audience import AUDIENCE_NAMES, is_in_audience
from bot.services.surveys.batching import lock_survey, random_key
from bot.services.surveys.questions import questions_of
from bot.services.surveys.sealing import seal_items
from db.models import Person, Survey, SurveyParticipation, SurveyPendingAnswer, SurveyTemplate

ALREADY_ANSWERED = (
    "You have already answered this survey; each person answers once. Nobody can see or "
    "change an answer, you included, because nothing links it to you."
)
CLOSED = "This survey has closed; answers are no longer taken."
NOT_OPEN_YET = "This survey is not open yet; your invitation comes when it opens."
GONE = "This survey no longer exists."
CHANGED_FORM = "This answer does not fit the survey's questions; open the survey again."


def check_may_answer(
    *, session: Session, survey_id: int, slack_user_id: str, now: datetime
) -> Survey:
    """The survey, if this person may answer it now; else a clear refusal."""
    survey = session.get(Survey, survey_id)
    if survey is None:
        raise NotFound(GONE)
    person = _person(session, survey, slack_user_id)
    if person is None or not is_in_audience(session=session, survey=survey, person_id=person.id):
        raise NotAllowed(f"This survey is for {AUDIENCE_NAMES[survey.audience]}, and you are not "
                         "among them, so it takes no answer from you.")
    if survey.closed_at is not None or now >= survey.closes_at:
        raise InvalidInput(CLOSED)
    if now < survey.opens_at:
        raise InvalidInput(NOT_OPEN_YET)
    if _has_answered(session, survey.id, person.id):
        raise InvalidInput(ALREADY_ANSWERED)
    return survey


def survey_or_refusal(
    *, session: Session, survey_id: int, slack_user_id: str, now: datetime
) -> Survey | str:
    """The survey if this person may answer it now, else why not (said in a modal, not raised:
    Bolt answers a listener that raises after ack() only after 3 seconds, with a 404)."""
    try:
        return check_may_answer(session=session, survey_id=survey_id,
                                slack_user_id=slack_user_id, now=now)
    except KickoffError as refusal:
        return str(refusal)


def record_answer(
    *, session: Session, survey_id: int, slack_user_id: str,
    answer: AnswerContent | ItemAnswers, now: datetime, key: bytes,
) -> None:
    """Record that the person answered, and hold their answer (the eNPS form's, or one per
    question) sealed until closing."""
    if lock_survey(session, survey_id) is None:
        raise NotFound(GONE)
    survey = check_may_answer(session=session, survey_id=survey_id, slack_user_id=slack_user_id,
                              now=now)
    person = _person(session, survey, slack_user_id)
    assert person is not None  # check_may_answer found them
    sealed = _sealed(session, survey, answer, key)
    session.execute(insert(SurveyParticipation).values(survey_id=survey.id, person_id=person.id))
    session.execute(insert(SurveyPendingAnswer).values(
        key=random_key(), survey_id=survey.id, sealed=sealed))


def _sealed(
    session: Session, survey: Survey, answer: AnswerContent | ItemAnswers, key: bytes
) -> bytes:
    """The answer sealed, one value per question, once it is known to fit the survey's
    questions (a form opened before the survey changed, or forged, is refused)."""
    enps_form = isinstance(answer, AnswerContent)
    values = answer.items() if isinstance(answer, AnswerContent) else answer
    if enps_form == (survey.template is SurveyTemplate.ENPS) and fits(
            questions_of(session, survey), values):
        return seal_items(key, survey.id, values)
    raise InvalidInput(CHANGED_FORM)


def _person(session: Session, survey: Survey, slack_user_id: str) -> Person | None:
    query = select(Person).where(
        Person.workspace_id == survey.workspace_id, Person.slack_user_id == slack_user_id
    )
    return session.scalars(query).first()


def _has_answered(session: Session, survey_id: int, person_id: int) -> bool:
    query = select(SurveyParticipation.person_id).where(
        SurveyParticipation.survey_id == survey_id, SurveyParticipation.person_id == person_id
    )
    return session.scalars(query).first() is not None
