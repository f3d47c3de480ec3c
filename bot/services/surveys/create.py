"""Creating a survey: every setting checked, the minimum between the program's smallest group
(bot/domain/group_size.py, never below 3) and the audience's size."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.group_size import smallest_group
from bot.domain.local_time import zone
from bot.domain.surveys.content import InvalidField
from bot.domain.surveys.form import (
    DEFAULT_MINIMUM,
    DEFAULT_QUESTION,
    QUESTION_LENGTH,
    TITLE_LENGTH,
)
from bot.domain.surveys.questions import Question, list_problems, question_problems
from bot.domain.surveys.templates import TEMPLATE_QUESTIONS, enps_questions
from bot.domain.working_hours import outside_window
from bot.errors import NotFound
from bot.services.actor import Actor
from bot.services.availability import work_window
from bot.services.surveys.audience import audience_members
from bot.services.surveys.policy import ensure_may_manage
from bot.services.surveys.questions import add_questions
from db.models import Person, Program, ProgramStatus, Survey, SurveyAudience, SurveyTemplate

CHANNEL_ID = re.compile(r"^[CG][A-Z0-9]{2,}$")
# An opening a few minutes in the past (the modal sat open) still counts as "now".
OPENING_GRACE = timedelta(minutes=10)


@dataclass(frozen=True)
class SurveyValues:
    """A survey's settings as typed in the modal or on the command line (unchecked)."""

    program_id: int | None
    title: str | None
    audience: str | None
    closes_at: datetime | None
    results_channel: str | None
    minimum: str | int | None = DEFAULT_MINIMUM
    question: str | None = DEFAULT_QUESTION
    opens_at: datetime | None = None  # None: now
    template: str | None = SurveyTemplate.ENPS
    questions: tuple[Question, ...] = ()  # the custom template's list (checked here)


def create_survey(
    *, session: Session, values: SurveyValues, actor: Actor | None, now: datetime,
) -> Survey:
    """Check every setting and the actor's right to run the program's surveys; add the survey.

    `actor` None is the shell, trusted as `kickoff-bot program create` is.
    """
    program = _program(session, values.program_id)
    if actor is not None:
        ensure_may_manage(session=session, program=program, actor=actor)
    audience = _audience(values.audience)
    opens_at, closes_at = _schedule(values.opens_at, values.closes_at, now)
    _inside_working_hours(program, values.opens_at, closes_at)
    template, questions = _questions(values.template, values.questions)
    title = _text("title", values.title, TITLE_LENGTH)
    # The eNPS template's 0-10 question, asked as typed; other templates name none.
    question = (_text("question", values.question, QUESTION_LENGTH)
                if template is SurveyTemplate.ENPS else "")
    survey = Survey(
        workspace_id=program.workspace_id, program_id=program.id, title=title,
        template=template, question=question,
        audience=audience, opens_at=opens_at, closes_at=closes_at,
        results_channel=_channel(values.results_channel),
        minimum=_minimum(session, program, audience, values.minimum),
        created_by=_person_id(session, program, actor), created_at=now,
    )
    session.add(survey)
    session.flush()
    add_questions(session, survey,
                  enps_questions(question) if template is SurveyTemplate.ENPS else questions)
    return survey


def _questions(
    template: str | None, custom: tuple[Question, ...]
) -> tuple[SurveyTemplate, tuple[Question, ...]]:
    if template is None or template not in SurveyTemplate._value2member_map_:
        raise InvalidField("template", "Pick the eNPS survey, the gap survey or your own list.")
    chosen = SurveyTemplate(template)
    if chosen is not SurveyTemplate.CUSTOM:
        return chosen, TEMPLATE_QUESTIONS.get(chosen, ())
    problems = list_problems(custom) + [
        f"question {number}: {problem}" for number, question in enumerate(custom, start=1)
        for _, problem in question_problems(question)]
    if problems:
        raise InvalidField("questions", "; ".join(problems).capitalize() + ".")
    return chosen, custom


def _person_id(session: Session, program: Program, actor: Actor | None) -> int | None:
    if actor is None:
        return None
    query = select(Person.id).where(Person.workspace_id == program.workspace_id,
                                    Person.slack_user_id == actor.slack_user_id)
    return session.scalar(query)


def _program(session: Session, program_id: int | None) -> Program:
    program = session.get(Program, program_id) if program_id is not None else None
    if program is None:
        raise NotFound("Pick the program the survey is for.")
    if program.status is ProgramStatus.ENDED:
        raise InvalidField("program", f"{program.name} has ended; it takes no new surveys.")
    return program


def _text(field: str, value: str | None, limit: int) -> str:
    text = (value or "").strip()
    if not text:
        raise InvalidField(field, f"Give the survey a {field}.")
    if len(text) > limit:
        raise InvalidField(field, f"Keep the {field} to {limit} characters or fewer.")
    return text


def _audience(value: str | None) -> SurveyAudience:
    if value is None or value not in SurveyAudience._value2member_map_:
        raise InvalidField("audience", "Pick reps, managers or all members.")
    return SurveyAudience(value)


def _schedule(
    opens: datetime | None, closes: datetime | None, now: datetime
) -> tuple[datetime, datetime]:
    opens_at = now if opens is None else opens
    if opens_at < now - OPENING_GRACE:
        raise InvalidField("opens", "The opening is in the past: leave it empty to open now.")
    if closes is None:
        raise InvalidField("closes", "Pick when the survey closes.")
    if closes <= max(opens_at, now):
        raise InvalidField("closes", "The survey must close after it opens, in the future.")
    return max(opens_at, now), closes


def _inside_working_hours(program: Program, opens: datetime | None, closes: datetime) -> None:
    """A survey opens and closes inside the program's working window, read in the program's
    zone; it may close as the window does (an opening left empty is "now": invitations wait for
    each person's window anyway)."""
    window = work_window(program)
    for field, what, instant in (("opens", "the opening", opens), ("closes", "the closing",
                                                                     closes)):
        if instant is None:
            continue
        local = instant.astimezone(zone(program.timezone)).time().replace(second=0, microsecond=0)
        problem = outside_window(what, local, window, zone=program.timezone,
                                 deadline=field == "closes")
        if problem is not None:
            raise InvalidField(field, problem[0].upper() + problem[1:] + ".")


def _channel(value: str | None) -> str:
    if value is None or not CHANNEL_ID.match(value):
        raise InvalidField("channel", "Pick the channel the results are posted in.")
    return value


def _minimum(
    session: Session, program: Program, audience: SurveyAudience, value: str | int | None
) -> int:
    text = str(value).strip() if value is not None else ""
    if not text.isascii() or not text.isdigit():
        raise InvalidField("minimum", "Give the minimum number of responses as a whole number.")
    minimum = int(text)
    lowest = smallest_group(program.smallest_group)
    if minimum < lowest:
        raise InvalidField("minimum", f"The minimum cannot be below {lowest}, the program's "
                                      "smallest group: fewer answers would let people guess "
                                      "who wrote what.")
    size = len(audience_members(session=session, program_id=program.id, audience=audience))
    if minimum > size:
        people = "person" if size == 1 else "people"
        raise InvalidField("minimum", f"The minimum ({minimum}) is above the audience's size "
                                      f"({size} {people}): results could never be shown.")
    return minimum
