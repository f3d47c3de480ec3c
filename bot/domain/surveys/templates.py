"""The surveys enablement starts from: today's eNPS survey (the default) and the gap survey.
Both are stored as questions like enablement's own lists.

The gap survey is the kickoff model's Phase 1 instrument ("skill gaps, tooling friction,
territory issues, pipeline coverage, and quota confidence (1-5 Likert)") plus one free text;
the same items run at T-28 and again from day 28, so the read-out can compare them.
"""

from __future__ import annotations

from datetime import timedelta

from bot.domain.surveys.content import QUESTIONS
from bot.domain.surveys.questions import Question, QuestionKind
from db.models import SurveyTemplate


def _likert(prompt: str, low: str, high: str) -> Question:
    return Question(QuestionKind.LIKERT, prompt, low, high)


GAP_QUESTIONS: tuple[Question, ...] = (
    _likert("My skills cover what this year's plan asks of me.",
            "Big gaps", "No gaps"),
    _likert("My tools (CRM, call recording, quoting) get out of my way.",
            "Constant friction", "No friction"),
    _likert("My territory and account assignments are clear and workable.",
            "Serious issues", "No issues"),
    _likert("My pipeline covers my quota for the next two quarters.",
            "Far short", "Fully covered"),
    _likert("I am confident I will reach my quota this year.",
            "Not confident", "Very confident"),
    Question(QuestionKind.TEXT, "What one gap should the kickoff close for you?"),
)
GAP_TITLE = "Gap survey"
# Phase 1 "Diagnose" runs from T-28 to T-14; the second run opens on day 28 and closes before
# the read-out (the program's readout_day).
GAP_PRE_OPENS = timedelta(days=-28)
GAP_PRE_CLOSES = timedelta(days=-14)
GAP_POST_OPENS = timedelta(days=28)



def enps_questions(prompt: str) -> tuple[Question, ...]:
    """The eNPS template as stored: its 0-10 question, then the three fixed free texts (in the
    order of AnswerContent.items())."""
    return (Question(QuestionKind.ZERO_TO_TEN, prompt),
            *(Question(QuestionKind.TEXT, text) for text in QUESTIONS.values()))


TEMPLATE_QUESTIONS: dict[SurveyTemplate, tuple[Question, ...]] = {SurveyTemplate.GAP: GAP_QUESTIONS}
