"""Results of a closed survey, shown only when the minimum was met: eNPS, rate, distribution,
and the free-text answers of each question in their own random order.

eNPS = % promoters (scores 9-10) minus % detractors (0-6), computed exactly from the counts as
100 * (promoters - detractors) / responses and only then rounded to a whole number, halves away
from zero (+14.5 -> +15, -14.5 -> -15). Every percentage shown is rounded the same way, so the
rounded promoter and detractor percentages may differ from the eNPS by one.
"""

from __future__ import annotations

import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.surveys.content import QUESTIONS, SCORE_RANGE, AnswerContent
from bot.domain.surveys.item_results import DETRACTORS, PROMOTERS, enps
from bot.domain.surveys.results import SurveyResults, rounded_percent
from db.models import Survey, SurveyAnswer, SurveyOutcome

__all__ = ["enps", "results_of", "summarize"]  # enps lives in the domain, shared with items
_random = secrets.SystemRandom()


def summarize(
    answers: list[AnswerContent], *, audience_size: int, minimum: int
) -> SurveyResults | None:
    """The results of these answers, or None below the minimum (nothing may be shown)."""
    if len(answers) < minimum or not answers:
        return None
    scores = [answer.score for answer in answers]
    texts: dict[str, list[str]] = {}
    for field in QUESTIONS:
        written = [text for answer in answers if (text := answer.texts()[field])]
        _random.shuffle(written)  # each question on its own: positions do not pair answers up
        texts[field] = written
    return SurveyResults(
        responses=len(answers),
        audience_size=audience_size,
        distribution=tuple(scores.count(score) for score in SCORE_RANGE),
        enps=enps(scores),
        promoters=rounded_percent(sum(s in PROMOTERS for s in scores), len(scores)),
        detractors=rounded_percent(sum(s in DETRACTORS for s in scores), len(scores)),
        response_rate=rounded_percent(len(answers), max(audience_size, len(answers))),
        texts=texts,
    )


def results_of(*, session: Session, survey: Survey) -> SurveyResults | None:
    """A closed survey's results; None while it is open or when the minimum was not met."""
    if survey.outcome is not SurveyOutcome.PUBLISHED:
        return None
    rows = session.execute(
        select(SurveyAnswer.score, SurveyAnswer.changed, SurveyAnswer.broken, SurveyAnswer.kill)
        .where(SurveyAnswer.survey_id == survey.id)
    )  # plain rows, not ORM objects: a survey of 10,000 reps is read whole
    answers = [AnswerContent(score=score, changed=changed, broken=broken, kill=kill)
               for score, changed, broken, kill in rows]
    return summarize(answers, audience_size=survey.audience_size or len(answers),
                     minimum=survey.minimum)
