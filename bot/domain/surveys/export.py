"""A published survey's results as plain data for `survey results --json` (written through the
shared export writer, which neutralises every text): per question, never per person."""

from __future__ import annotations

from typing import Any

from bot.domain.surveys.content import QUESTIONS, SCORE_RANGE
from bot.domain.surveys.item_results import ItemResult, ItemResults
from bot.domain.surveys.questions import SCALES, QuestionKind
from bot.domain.surveys.results import SurveyResults


def enps_results_data(question: str, results: SurveyResults) -> dict[str, Any]:
    """The eNPS template's results in the shape of every survey's."""
    items: list[dict[str, Any]] = [{
        "number": 1, "kind": QuestionKind.ZERO_TO_TEN.value, "prompt": question,
        "count": results.responses, "enps": results.enps, "promoters": results.promoters,
        "detractors": results.detractors,
        "distribution": dict(zip(map(str, SCORE_RANGE), results.distribution, strict=True)),
    }]
    items += [{"number": number, "kind": QuestionKind.TEXT.value, "prompt": prompt,
               "count": len(results.texts[field]), "texts": results.texts[field]}
              for number, (field, prompt) in enumerate(QUESTIONS.items(), start=2)]
    return {"responses": results.responses, "audience_size": results.audience_size,
            "response_rate": results.response_rate, "questions": items}


def item_results_data(results: ItemResults) -> dict[str, Any]:
    """A survey of several questions' results, question by question."""
    return {"responses": results.responses, "audience_size": results.audience_size,
            "response_rate": results.response_rate,
            "questions": [_item(number, item)
                          for number, item in enumerate(results.items, start=1)]}


def _item(number: int, item: ItemResult) -> dict[str, Any]:
    question = item.question
    data: dict[str, Any] = {"number": number, "kind": question.kind.value,
                            "prompt": question.prompt, "count": item.count}
    if question.kind is QuestionKind.TEXT:
        return data | {"texts": list(item.texts)}
    data["mean"] = str(item.mean) if item.mean is not None else None
    data["distribution"] = (dict(zip(map(str, SCALES[question.kind]), item.distribution,
                                     strict=True)) if item.distribution is not None else None)
    if question.kind is QuestionKind.LIKERT:
        data |= {"low": question.low, "high": question.high}
    else:
        data["enps"] = item.enps
    return data
