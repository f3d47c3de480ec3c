"""The results a closed survey of several questions posts, question by question: a scale's mean
and count (its distribution only with at least twice the minimum), a 0-10's eNPS, the texts."""

from __future__ import annotations

from bot.blocks.survey_results import (
    Message,
    as_messages,
    distribution_chart,
    slack_date,
    text_question_blocks,
)
from bot.blocks.text import Block, context, escape, header, section
from bot.domain.surveys.item_results import DISTRIBUTION_FACTOR, ItemResult, ItemResults
from bot.domain.surveys.questions import SCALES, QuestionKind
from db.models import Program, Survey


def build_item_results_messages(
    survey: Survey, program: Program, results: ItemResults
) -> list[Message]:
    """The results as one or more messages within Slack's limits."""
    title = escape(survey.title)
    closed = slack_date(survey.closed_at) if survey.closed_at else "now"
    blocks: list[Block] = [
        header(f"Survey results: {survey.title}"),
        section(f"{escape(program.name)} · closed {closed}"),
        section(f"*{results.responses} responses* from {results.audience_size} people asked "
                f"({results.response_rate}% response rate)"),
    ]
    for number, item in enumerate(results.items, start=1):
        blocks += item_blocks(number, item, survey.minimum)
    blocks.append(context(
        "Every answer to every question is stored on its own, with no name, team or time and "
        "nothing joining one person's answers; texts are in random order. A scale's "
        f"distribution is shown only when at least {DISTRIBUTION_FACTOR * survey.minimum} "
        "people answered it."))
    return as_messages(title, blocks, f"Survey results for {title}: {results.responses} "
                                      f"responses ({results.response_rate}%)")


def item_blocks(number: int, item: ItemResult, minimum: int) -> list[Block]:
    """One question's result."""
    question = item.question
    prompt = f"{number}. {question.prompt}"
    if question.kind is QuestionKind.TEXT:
        return text_question_blocks(prompt, list(item.texts))
    if item.distribution is None:  # the figures and why there is no chart, on one line
        return [section(f"*{escape(prompt)}* {scale_summary(item)} · no distribution: fewer "
                        f"than {DISTRIBUTION_FACTOR * minimum} answered this question")]
    chart = distribution_chart(item.distribution, SCALES[question.kind])
    return [section(f"*{escape(prompt)}* {scale_summary(item)}"),
            section("```\n" + chart + "\n```")]


def scale_summary(item: ItemResult) -> str:
    """A scale's figures in one line: eNPS for a 0-10, else the mean on its labelled scale."""
    question = item.question
    if question.kind is QuestionKind.ZERO_TO_TEN:
        return f"eNPS {item.enps:+d} · mean {item.mean} of 10 · {item.count} answers"
    ends = f"1 = {escape(question.low or '')}, 5 = {escape(question.high or '')}"
    return f"mean *{item.mean}* of 5 ({ends}) · {item.count} answers"
