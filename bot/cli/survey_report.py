"""What `kickoff-bot survey results` prints: per question, under the same rules as in Slack
(nothing before closing or below the minimum; a scale's distribution only from twice the
minimum), as lines or as JSON through the shared export writer."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from bot.cli.times import shown
from bot.domain.surveys.content import QUESTIONS, SCORE_RANGE
from bot.domain.surveys.export import enps_results_data, item_results_data
from bot.domain.surveys.item_results import DISTRIBUTION_FACTOR, ItemResults
from bot.domain.surveys.questions import SCALES, QuestionKind
from bot.domain.surveys.results import SurveyResults
from bot.services.surveys.close import answered_count
from bot.services.surveys.item_results import item_results_of
from bot.services.surveys.results import results_of
from db.models import Program, Survey, SurveyOutcome, SurveyTemplate

BELOW = ("closed with fewer responses than the minimum: nothing is shown, and the answers were "
         "deleted unread.")


def report_lines(session: Session, survey: Survey, program: Program) -> list[str]:
    """The survey's state, or its results question by question."""
    head = f"{survey.title} ({program.name}), minimum {survey.minimum} responses"
    if survey.closed_at is None:
        return [head, f"open until {shown(survey.closes_at, program.timezone)}: "
                      f"{answered_count(session, survey.id)} people have answered so far; "
                      "nothing else is shown before it closes."]
    if survey.outcome is SurveyOutcome.BELOW_MINIMUM:
        return [head, BELOW]
    if survey.template is SurveyTemplate.ENPS:
        results = results_of(session=session, survey=survey)
        assert results is not None  # published
        return [head, *_enps_lines(results)]
    items = item_results_of(session=session, survey=survey)
    assert items is not None  # published
    return [head, *_item_lines(items, survey.minimum)]


def report_data(session: Session, survey: Survey, program: Program) -> dict[str, Any]:
    """The same as data: the state, and the results once published."""
    data: dict[str, Any] = {"survey": survey.id, "title": survey.title, "program": program.name,
                            "template": survey.template.value, "minimum": survey.minimum}
    if survey.closed_at is None:
        return data | {"state": "open", "answered": answered_count(session, survey.id)}
    if survey.outcome is SurveyOutcome.BELOW_MINIMUM:
        return data | {"state": "below_minimum"}
    if survey.template is SurveyTemplate.ENPS:
        results = results_of(session=session, survey=survey)
        assert results is not None
        return data | {"state": "published"} | enps_results_data(survey.question, results)
    items = item_results_of(session=session, survey=survey)
    assert items is not None
    return data | {"state": "published"} | item_results_data(items)


def _enps_lines(results: SurveyResults) -> list[str]:
    lines = [f"eNPS {results.enps:+d} ({results.promoters}% promoters minus "
             f"{results.detractors}% detractors)",
             f"{results.responses} responses from {results.audience_size} people asked "
             f"({results.response_rate}%)", "scores:"]
    lines += [f"  {score:>2}: {results.distribution[score]}" for score in reversed(SCORE_RANGE)]
    for field, prompt in QUESTIONS.items():
        lines.append(f"{prompt} ({len(results.texts[field])} answers, in random order)")
        lines += [f"  - {text}" for text in results.texts[field]]
    return lines


def _item_lines(results: ItemResults, minimum: int) -> list[str]:
    lines = [f"{results.responses} responses from {results.audience_size} people asked "
             f"({results.response_rate}%)"]
    for number, item in enumerate(results.items, start=1):
        question = item.question
        if question.kind is QuestionKind.TEXT:
            lines.append(f"{number}. {question.prompt} ({item.count} answers, in random order)")
            lines += [f"  - {text}" for text in item.texts]
            continue
        figure = (f"eNPS {item.enps:+d}, mean {item.mean}" if question.kind is
                  QuestionKind.ZERO_TO_TEN else
                  f"mean {item.mean} (1 = {question.low}, 5 = {question.high})")
        lines += [f"{number}. {question.prompt}", f"  {figure}, {item.count} answers"]
        if item.distribution is None:
            lines.append(f"  no distribution: fewer than {DISTRIBUTION_FACTOR * minimum} "
                         "answered")
            continue
        counts = zip(SCALES[question.kind], item.distribution, strict=True)
        lines += [f"  {value:>2}: {count}" for value, count in reversed(list(counts))]
    return lines
