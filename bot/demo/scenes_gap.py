"""Demo scenes: the gap survey before the kickoff and after it. Enablement schedules both runs
at the launch; the first opens at T-28, each rep invited in their own working hours, and its
results per item reach leadership at T-14; the same items run again from day 28, and the day-32
read-out compares them item by item (its scene is the audit's)."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.demo.stage import Stage, shell
from bot.demo.world import AUDIT_CHANNEL, PROGRAM
from bot.domain.surveys.items import ItemAnswers
from bot.services.surveys.answer import record_answer
from bot.services.surveys.sealing import holding_key
from db.models import Survey, SurveyTemplate

# Every rep answers each run: skills, tools, territory, pipeline, quota confidence (1-5), and
# the optional gap. Means before 2.1 2.0 3.0 2.4 2.6; after 3.3 3.6 3.0 3.0 3.4.
BEFORE: dict[str, ItemAnswers] = {
    "U0ANA": (2, 1, 3, 2, 3, "Multi-threading into procurement"),
    "U0BEN": (3, 2, 4, 3, 3, None),
    "U0ARJ": (2, 3, 3, 2, 2, None),
    "U0OLI": (2, 2, 3, 3, 3, None),
    "U0ARO": (2, 2, 3, 2, 2, None),
    "U0LEN": (1, 2, 2, 3, 2, None),
    "U0JON": (3, 2, 3, 2, 3, None),
}
AFTER: dict[str, ItemAnswers] = {
    "U0ANA": (4, 4, 3, 3, 4, None),
    "U0BEN": (3, 3, 4, 3, 3, None),
    "U0ARJ": (3, 4, 3, 3, 3, None),
    "U0OLI": (4, 4, 3, 3, 3, None),
    "U0ARO": (3, 3, 3, 3, 4, None),
    "U0LEN": (3, 3, 2, 3, 3, None),
    "U0JON": (3, 4, 3, 3, 4, None),
}


def schedule(stage: Stage) -> int:
    """At the launch, enablement schedules the gap survey's two runs from the shell."""
    return shell(["survey", "gap", "--program", PROGRAM, "--results-channel", AUDIT_CHANNEL[0]])


def before(stage: Stage) -> None:
    """T-28: each rep's invitation in their working hours; they answer the next day; at T-14
    it closes and the results reach #sales-leadership, per item."""
    survey = _run(stage, first=True)
    stage.scene("T-28: the gap survey opens, each rep invited in their working hours; at T-14 "
                "its results per item reach #sales-leadership", survey.opens_at)
    _answer(stage, survey, BEFORE)
    stage.timeline.advance_to(survey.closes_at + timedelta(minutes=1))


def after(stage: Stage) -> None:
    """Day 28: the same items again; they close the eve of the read-out, which compares them."""
    survey = _run(stage, first=False)
    stage.scene("Day 28: the gap survey again, closing the eve of the read-out",
                max(survey.opens_at, stage.timeline.now))
    _answer(stage, survey, AFTER)


def _answer(stage: Stage, survey: Survey, given: dict[str, ItemAnswers]) -> None:
    """The reps answer the next day, an hour apart (the service the modal's listener calls):
    before any reminder, so none is sent."""
    key = holding_key(stage.settings.signing_secret())
    for number, (slack_id, answers) in enumerate(given.items(), start=1):
        when = survey.opens_at + timedelta(hours=16 + number)
        stage.timeline.advance_to(when)
        with stage.runtime.session_factory.begin() as session:
            record_answer(session=session, survey_id=survey.id, slack_user_id=slack_id,
                          answer=answers, now=when, key=key)


def _run(stage: Stage, *, first: bool) -> Survey:
    with stage.runtime.session_factory() as session:
        runs = list(session.scalars(select(Survey).where(
            Survey.template == SurveyTemplate.GAP).order_by(Survey.opens_at)))
    return runs[0 if first else -1]
