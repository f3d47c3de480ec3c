"""The results a closed survey posts: summary, distribution, free text; split to Slack's limits."""

from __future__ import annotations

from datetime import datetime

from bot.blocks.text import MAX_TEXT, Block, context, escape, header, section
from bot.domain.block_budget import LIMITS, Surface
from bot.domain.surveys.content import QUESTIONS, SCORE_RANGE
from bot.domain.surveys.results import SurveyResults
from db.models import Program, Survey

MAX_BLOCKS = LIMITS[Surface.MESSAGE]
BAR_WIDTH = 20
Message = tuple[str, list[Block]]  # (plain-text fallback, blocks)


def slack_date(instant: datetime) -> str:
    """A date Slack shows in each reader's own time zone (UTC in the fallback)."""
    fallback = f"{instant:%Y-%m-%d %H:%M} UTC"
    return f"<!date^{int(instant.timestamp())}^{{date_short_pretty}} at {{time}}|{fallback}>"


def build_results_messages(
    survey: Survey, program: Program, results: SurveyResults
) -> list[Message]:
    """The results as one or more messages, each within 50 blocks and 3,000 characters a text."""
    title = escape(survey.title)
    summary = _summary_blocks(survey, program, results)
    answers = [block for field, prompt in QUESTIONS.items()
               for block in text_question_blocks(prompt, results.texts[field])]
    return as_messages(
        title, summary + answers,
        f"Survey results for {title}: eNPS {results.enps:+d}, {results.responses} responses "
        f"({results.response_rate}%)")


def as_messages(title: str, blocks: list[Block], fallback: str) -> list[Message]:
    """Blocks split into messages of at most 50, the later ones labelled as parts."""
    chunks = _chunks(blocks, first_size=MAX_BLOCKS, size=MAX_BLOCKS - 1)
    total = len(chunks)
    messages: list[Message] = [(fallback, chunks[0])]
    for part, chunk in enumerate(chunks[1:], start=2):
        label = f"Survey results for {title} (part {part} of {total})"
        messages.append((label, [context(f"*{label}*"), *chunk]))
    return messages


def build_below_minimum_message(survey: Survey, program: Program) -> Message:
    """The only thing shown when too few people answered."""
    title = escape(survey.title)
    text = (f"*{title}* ({escape(program.name)}) closed with fewer than the minimum of "
            f"{survey.minimum} responses. To keep everyone anonymous nothing is shown, and the "
            "answers were deleted unread.")
    return (f"Survey {title} closed below its minimum: no results are shown.",
            [header(f"Survey closed: {survey.title}"), section(text)])


def _summary_blocks(survey: Survey, program: Program, results: SurveyResults) -> list[Block]:
    closed = slack_date(survey.closed_at) if survey.closed_at else "now"
    return [
        header(f"Survey results: {survey.title}"),
        section(f"{escape(program.name)} · closed {closed}"),
        section(f"*eNPS {results.enps:+d}*\n{results.promoters}% promoters (9-10) minus "
                f"{results.detractors}% detractors (0-6)"),
        section(f"*{results.responses} responses* from {results.audience_size} people asked "
                f"({results.response_rate}% response rate)"),
        section("*Scores*\n```\n" + distribution_chart(results.distribution, SCORE_RANGE)
                + "\n```"),
        context("eNPS = % promoters minus % detractors, rounded to a whole number. Answers "
                "carry no name, team or time; each question's answers are in their own random "
                "order."),
    ]


def distribution_chart(counts: tuple[int, ...], scale: range) -> str:
    """A bar per value of the scale, highest first, with its count."""
    most = max(counts) or 1
    lines = []
    for score, count in reversed(list(zip(scale, counts, strict=True))):
        bar = "█" * max(round(BAR_WIDTH * count / most), 1 if count else 0)
        lines.append(f"{score:>2} {bar:<{BAR_WIDTH}} {count}")
    return "\n".join(lines)


def text_question_blocks(prompt: str, texts: list[str]) -> list[Block]:
    """A free-text question's answers, one block each (more for a long one)."""
    heading = section(f"*{escape(prompt)}* ({len(texts)} answers)")
    if not texts:
        return [heading, context("No answers to this question.")]
    return [heading, *(block for text in texts for block in _answer_blocks(text))]


def _answer_blocks(text: str) -> list[Block]:
    """One block per answer; one whose escaped form exceeds 3,000 characters goes on in more."""
    escaped, blocks = escape(text), []
    while escaped:
        cut = _safe_cut(escaped, MAX_TEXT)
        blocks.append(section(escaped[:cut]))
        escaped = escaped[cut:]
    return blocks


def _safe_cut(text: str, limit: int) -> int:
    """The longest prefix within `limit` that does not split an escape like &amp;."""
    if len(text) <= limit:
        return len(text)
    # In escaped text every "&" starts an entity of at most five characters ending in ";".
    start = text.rfind("&", limit - 4, limit)
    return start if start != -1 and text.index(";", start) >= limit else limit


def _chunks(blocks: list[Block], *, first_size: int, size: int) -> list[list[Block]]:
    chunks = [blocks[:first_size]]
    for index in range(first_size, len(blocks), size):
        chunks.append(blocks[index:index + size])
    return chunks
