"""Results of a closed survey, shown only when the minimum was met: eNPS, rate, distribution,
and the free-text answers of each question in their own random order.

eNPS = % promoters (scores 9-10) minus % detractors (0-6), computed exactly from the counts as
100 * (promoters - detractors) / responses and only then rounded to a whole number, halves away
from zero (+14.5 -> +15, -14.5 -> -15). Every percentage shown is rounded the same way, so the
rounded promoter and detractor percentages may differ from the eNPS by one.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence

from sqlalchemy.orm import Session

from bot.domain.surveys.content import QUESTIONS, SCORE_RANGE
from bot.domain.surveys.item_results import DETRACTORS, PROMOTERS, enps
from bot.domain.surveys.results import SurveyResults, rounded_percent
from bot.services.surveys.item_results import answer_columns
from db.models import Survey, SurveyOutcome

__all__ = ["enps", "results_of", "summarize"]  # enps lives in the domain, shared with items
_random = secrets.SystemRandom()


def summarize(
    columns: Sequence[Sequence[int | str]], *, audience_size: int, minimum: int
) -> SurveyResults | None:
    """The results of the eNPS template from each of its questions' answers apart (`columns`:
    the scores, then the three texts), or None below the minimum (nothing may be shown)."""
    scores = [int(score) for score in columns[0]]  # the score is required: one per response
    if len(scores) < minimum or not scores:
        return None
    texts: dict[str, list[str]] = {}
    for field, column in zip(QUESTIONS, columns[1:], strict=True):
        written = [str(text) for text in column]
        _random.shuffle(written)  # each question on its own: positions do not pair answers up
        texts[field] = written
    return SurveyResults(
        responses=len(scores),
        audience_size=audience_size,
        distribution=tuple(scores.count(score) for score in SCORE_RANGE),
        enps=enps(scores),
        promoters=rounded_percent(sum(s in PROMOTERS for s in scores), len(scores)),
        detractors=rounded_percent(sum(s in DETRACTORS for s in scores), len(scores)),
        response_rate=rounded_percent(len(scores), max(audience_size, len(scores))),
        texts=texts,
    )


def results_of(*, session: Session, survey: Survey) -> SurveyResults | None:
    """A closed eNPS survey's results; None while it is open or when the minimum was not met."""
    if survey.outcome is not SurveyOutcome.PUBLISHED:
        return None
    columns = [column for _, column in answer_columns(session, survey)]
    return summarize(columns, audience_size=survey.audience_size or len(columns[0]),
                     minimum=survey.minimum)
