"""The one batch: at closing, every held answer reaches the answers table at once.

Until the survey closes every answer stays sealed in the holding table. At closing one
transaction opens them all, writes them in random order with fresh random keys, deletes the
held ones, and deletes and re-inserts every "has answered" record of the survey in random order.
So on PostgreSQL every answer shares one xmin with every participation row, physical order (ctid,
SQLite's rowid) is random, nothing carries a time, and no answer was ever readable before the
others: a reader who looked during the survey and looks again after it learns nothing from
comparing (intermediate batches would leave the last few answers standing out).
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from bot.domain.surveys.items import ItemAnswers
from bot.services.surveys.questions import stored_questions
from bot.services.surveys.sealing import unseal_items
from db.models import (
    Survey,
    SurveyItemAnswer,
    SurveyParticipation,
    SurveyPendingAnswer,
)

log = logging.getLogger(__name__)
_random = secrets.SystemRandom()
Opened = TypeVar("Opened")


def lock_survey(session: Session, survey_id: int) -> Survey | None:
    """Lock the survey for this transaction and return it fresh.

    A write first: PostgreSQL locks the row, SQLite takes its write lock before anything is read,
    so an answer and the closing never work from stale reads of each other.
    """
    session.execute(
        update(Survey).where(Survey.id == survey_id).values(minimum=Survey.minimum)
        .execution_options(synchronize_session=False)
    )
    return session.get(Survey, survey_id, populate_existing=True)


def random_key() -> str:
    """A fresh random row key (128 bits, hex)."""
    return secrets.token_hex(16)


def publish_answers(session: Session, survey: Survey, key: bytes) -> list[ItemAnswers]:
    """Open every held answer to the survey (any template) and write each answer to each
    question as a row of its own, in random order (so neither position nor key pairs two
    answers of one person), participation rewritten in the same transaction.
    Returns the answers, each person's in a random order of people."""
    questions = stored_questions(session, survey)
    asked = [question for _, question in questions]
    responses = _open_held(session, survey, lambda sealed: unseal_items(
        key, survey.id, sealed, asked))
    rows = [
        {"key": random_key(), "survey_id": survey.id, "question_id": question_id,
         "score": value if isinstance(value, int) else None,
         "text": value if isinstance(value, str) else None}
        for response in responses
        for (question_id, _), value in zip(questions, response, strict=True)
        if value is not None
    ]
    _random.shuffle(rows)
    # Free texts first, then every scale answer: a text's neighbours (on disk, and in the
    # sample of rows a SQL log line shows) are other people's texts, never scale answers.
    rows.sort(key=lambda row: row["text"] is None)  # stable: each group stays shuffled
    if rows:
        session.execute(insert(SurveyItemAnswer), rows)
    rewrite_participation(session, survey.id)
    return responses


def discard_answers(session: Session, survey_id: int) -> None:
    """Delete every answer of the survey, unread (the minimum was not met)."""
    _delete_held(session, survey_id)
    session.execute(delete(SurveyItemAnswer).where(SurveyItemAnswer.survey_id == survey_id))
    rewrite_participation(session, survey_id)


def rewrite_participation(session: Session, survey_id: int) -> None:
    """Delete and re-insert every "has answered" record of the survey, in random order."""
    people = list(session.scalars(select(SurveyParticipation.person_id).where(
        SurveyParticipation.survey_id == survey_id)))
    _random.shuffle(people)
    session.execute(delete(SurveyParticipation).where(SurveyParticipation.survey_id == survey_id))
    if people:
        session.execute(insert(SurveyParticipation),
                        [{"survey_id": survey_id, "person_id": person} for person in people])


def _open_held(
    session: Session, survey: Survey, opener: Callable[[bytes], Opened | None]
) -> list[Opened]:
    """Every held answer of the survey opened, in random order; the held rows deleted."""
    held = list(session.scalars(select(SurveyPendingAnswer.sealed).where(
        SurveyPendingAnswer.survey_id == survey.id)))
    opened = [opener(sealed) for sealed in held]
    answers = [answer for answer in opened if answer is not None]
    if len(answers) < len(opened):  # a count only: nothing about anyone
        log.warning("survey %s: %d held answer(s) could not be opened (was SLACK_SIGNING_SECRET "
                    "changed?); they are dropped", survey.id, len(opened) - len(answers))
    _delete_held(session, survey.id)
    _random.shuffle(answers)
    return answers


def _delete_held(session: Session, survey_id: int) -> None:
    session.execute(
        delete(SurveyPendingAnswer).where(SurveyPendingAnswer.survey_id == survey_id)
    )
