"""Survey messages: the invitation and the reminder DMs, and `/kickoff survey status`."""

from __future__ import annotations

from datetime import datetime

from bot.blocks.survey_results import slack_date
from bot.blocks.text import Block, context, escape, header, plain, section
from bot.domain.deadline import deadline_text
from bot.domain.surveys.overview import SurveyOverview
from bot.ids import ActionId
from db.models import Program, Survey, SurveyOutcome, SurveyTemplate

# What the invitation says the survey asks (a survey not stored yet has no template: the default).
ASKED = {
    SurveyTemplate.ENPS: "one 0-10 question and three optional ones",
    SurveyTemplate.GAP: "five 1-5 questions about your gaps and one optional one",
    SurveyTemplate.CUSTOM: "a few short questions",
}


def build_invitation_message(
    survey: Survey, program: Program, reader_tz: str
) -> tuple[str, list[Block]]:
    """The DM each person asked gets at opening (fallback text, blocks); when it closes is said
    in the reader's time zone `reader_tz`."""
    title = escape(survey.title)
    text = (f"*{title}*\nEnablement asks for your honest feedback on {escape(program.name)}: "
            f"{ASKED[survey.template or SurveyTemplate.ENPS]}. It takes two minutes, and it is "
            "anonymous: nothing links your answer to you. "
            f"Answer {deadline_text(survey.closes_at, reader_tz, dated=True)}.")
    return f"Anonymous survey: {title}", [section(text), _answer_button(survey),
                                          _promise(survey)]


def build_reminder_message(survey: Survey, reader_tz: str) -> tuple[str, list[Block]]:
    """The one reminder, a day before closing, to those who had not answered by then."""
    title = escape(survey.title)
    by = deadline_text(survey.closes_at, reader_tz, dated=True)
    text = (f"*{title}* closes soon: if you have not answered yet, answer {by}; two minutes "
            "is all it takes. If you already have, thank you: there is nothing more to do.")
    return f"Reminder: {title} closes soon", [section(text), _answer_button(survey),
                                              _promise(survey)]


def build_status_message(overviews: list[SurveyOverview], *, now: datetime) -> list[Block]:
    """`/kickoff survey status`: each survey's state and answer count, and "Close now"."""
    blocks: list[Block] = [header("Surveys")]
    if not overviews:
        blocks.append(section("No surveys yet. Create one with `/kickoff survey`."))
    for overview in overviews:
        block = section(_status_line(overview, now))
        if overview.is_open:
            block["accessory"] = _close_button(overview.survey)
        blocks.append(block)
    blocks.append(context("Counts only: kickoff-bot never shows who answered or what they "
                          "answered, and shows no score until the minimum is reached."))
    return blocks


def status_fallback(overviews: list[SurveyOverview]) -> str:
    """The plain-text fallback of the status message."""
    return f"{len(overviews)} survey(s)" if overviews else "No surveys yet."


def _status_line(overview: SurveyOverview, now: datetime) -> str:
    survey = overview.survey
    first = f"*{escape(survey.title)}* · {escape(overview.program_name)} · #{survey.id}"
    if survey.closed_at is not None:
        outcome = ("results posted" if survey.outcome is SurveyOutcome.PUBLISHED
                   else f"closed below the minimum of {survey.minimum}: nothing shown")
        return f"{first}\nClosed {slack_date(survey.closed_at)}: {outcome}."
    if now < survey.opens_at:
        return (f"{first}\nOpens {slack_date(survey.opens_at)}, "
                f"closes {slack_date(survey.closes_at)}.")
    return (f"{first}\n*{overview.answered} of {overview.audience_size}* people have answered; "
            f"closes {slack_date(survey.closes_at)}. Results need at least {survey.minimum}.")


def _answer_button(survey: Survey) -> Block:
    return {"type": "actions", "elements": [{
        "type": "button", "action_id": ActionId.SURVEY_ANSWER, "style": "primary",
        "value": str(survey.id), "text": plain("Answer anonymously"),
    }]}


def _close_button(survey: Survey) -> Block:
    return {
        "type": "button", "action_id": ActionId.SURVEY_CLOSE, "value": str(survey.id),
        "text": plain("Close now"),
        "confirm": {
            "title": plain("Close the survey now?"),
            "text": plain("Nobody can answer after this. Results are posted only if the "
                          "minimum was reached; otherwise the answers are deleted."),
            "confirm": plain("Close it"), "deny": plain("Keep it open"), "style": "danger",
        },
    }


def _promise(survey: Survey) -> Block:
    return context(f"Results are shown only if at least {survey.minimum} people answer, and "
                   "never who answered what.")
