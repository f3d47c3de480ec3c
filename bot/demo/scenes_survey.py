"""Demo scenes: enablement's anonymous eNPS survey, from creation to results. The dispatcher
sends the invitations in each rep's working hours, the reminder to those who have not answered
and the results at closing; the answers call the service the modal's listener calls."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.blocks.render.page import modal_shown
from bot.blocks.survey import build_answer_modal, build_thank_you_view
from bot.demo.stage import Stage, shell
from bot.demo.world import HOME_ZONE, PROGRAM, person
from bot.domain.local_time import at_local
from bot.domain.surveys.content import AnswerContent
from bot.services.surveys.answer import record_answer
from bot.services.surveys.sealing import holding_key
from db.models import Survey, SurveyItemAnswer, SurveyParticipation, SurveyPendingAnswer

OPENS, CLOSES = "2027-03-29 17:30", "2027-04-02 12:00"  # New York time, the program's zone
ANSWERS = {  # five of the seven reps answer; Olivia and Aroha do not
    "U0ANA": AnswerContent(9, "Talk tracks I actually use on calls",
                           kill="The hour-long roadmap deep-dive"),
    "U0BEN": AnswerContent(7, broken="Logging coaching plans in the CRM takes too long"),
    "U0ARJ": AnswerContent(10, "My manager reviews a recorded call with me every week"),
    "U0LEN": AnswerContent(8, kill="Top performer awards at the event"),
    "U0JON": AnswerContent(3, broken="Territory questions are still open <!channel>"),
}


def create(stage: Stage) -> None:
    """Elena creates the survey from the shell on Monday morning; it opens at 17:30."""
    stage.scene("Enablement creates an anonymous eNPS survey",
                at_local(date.fromisoformat(OPENS[:10]), time(10), HOME_ZONE))
    shell(["survey", "create", "--program", PROGRAM, "--title", "Week-4 pulse",
           "--audience", "reps", "--opens", OPENS, "--closes", CLOSES,
           "--results-channel", "C0AUDIT"])


def answers(stage: Stage) -> None:
    """It opens: each rep's invitation in their working hours; five of seven answer."""
    survey = _survey(stage)
    stage.scene("The survey opens: each rep's invitation in their working hours",
                survey.opens_at)
    key = holding_key(stage.settings.signing_secret())
    moment = survey.opens_at + timedelta(hours=16)
    for number, (slack_id, answer) in enumerate(ANSWERS.items(), start=1):
        when = moment + timedelta(hours=number)
        stage.timeline.advance_to(when)
        if number == 1:
            _show_form(stage, survey, slack_id, when)
        with stage.runtime.session_factory.begin() as session:
            record_answer(session=session, survey_id=survey.id, slack_user_id=slack_id,
                          answer=answer, now=when, key=key)
            if number in (1, len(ANSWERS)):
                stage.story.say(f"After {number} answer(s) the database holds: "
                                f"{_holdings(session, survey.id)}")
    stage.story.say(f"{len(ANSWERS)} of 7 reps answered; Olivia and Aroha have not yet.")


def closes_at(stage: Stage) -> datetime:
    """When the survey closes."""
    return _survey(stage).closes_at


def results(stage: Stage) -> None:
    """At closing every answer is written at once; the results reach the leadership channel."""
    survey = _survey(stage)
    stage.scene("The survey closes: results in #sales-leadership", survey.closes_at)
    stage.timeline.advance_to(survey.closes_at + timedelta(minutes=1))
    with stage.runtime.session_factory() as session:
        stage.story.say("Every sealed answer was written at once, shuffled, with the \"has "
                        f"answered\" records: {_holdings(session, survey.id)}.")
    if stage.story.full:
        shell(["survey", "results", str(survey.id)])


def _show_form(stage: Stage, survey: Survey, slack_id: str, when: datetime) -> None:
    name = person(slack_id).name
    stage.story.say(f'{name} clicks "Answer anonymously"; after submitting, the form thanks her:')
    modal = build_answer_modal(survey)
    stage.show(slack_id, modal_shown(modal, at=when, what="survey form"))
    thanks = build_thank_you_view()
    stage.show(slack_id, modal_shown(thanks, at=when, what="survey thank-you"))


def _survey(stage: Stage) -> Survey:
    with stage.runtime.session_factory() as session:
        survey = session.scalars(select(Survey).order_by(Survey.id.desc())).first()
        assert survey is not None
        return survey


def _holdings(session: Session, survey_id: int) -> str:
    """What the database holds of this survey's answers."""
    def count(model: type[SurveyParticipation | SurveyPendingAnswer | SurveyItemAnswer]) -> int:
        return int(session.scalar(select(func.count()).select_from(model).where(
            model.survey_id == survey_id)) or 0)

    return (f"{count(SurveyParticipation)} \"has answered\" records, "
            f"{count(SurveyPendingAnswer)} sealed answers waiting, "
            f"{count(SurveyItemAnswer)} readable answers (a row per question answered; no names, "
            "no times)")
