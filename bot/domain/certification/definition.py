"""A certification as enablement defines it, and every rule it must meet before it is stored
(Slack's own limits among them: a modal title of 24 characters, 10 options a question of 75
characters each, labels of 2,000)."""

from __future__ import annotations

from dataclasses import dataclass

from db.models import CertificationStage
from db.models.coaching import RUBRIC_DIMENSIONS

TITLE_LENGTH = 24  # the attempt modal's title is the certification's name
OPTION_LENGTH = 75
LABEL_LENGTH = 2000
MAX_OPTIONS = 10
MAX_DRAWN = 20  # a modal holds 100 blocks: questions, the talk-track and the score line fit
MAX_ATTEMPTS = 10
# Each stage's window (days from the kickoff) when none is given.
DEFAULT_DAYS = {
    CertificationStage.PRE_EVENT: (-14, -2),
    CertificationStage.POST_EVENT: (3, 14),
    CertificationStage.SPOTCHECK: (100, 110),
}
# Attempts allowed when none are given: a SpotCheck is one short prompt, rated once.
DEFAULT_ATTEMPTS = {
    CertificationStage.PRE_EVENT: 3,
    CertificationStage.POST_EVENT: 3,
    CertificationStage.SPOTCHECK: 1,
}
STAGES = ", ".join(stage.value for stage in CertificationStage)


@dataclass(frozen=True)
class KnowledgeQuestion:
    """A single-choice question; `answer` is the right option's index (None: none is)."""

    prompt: str
    options: tuple[str, ...]
    answer: int | None


@dataclass(frozen=True)
class CertificationSpec:
    """Everything a certification is made of, unchecked (see `spec_problems`)."""

    name: str
    stage: CertificationStage
    questions: tuple[KnowledgeQuestion, ...] = ()
    opens_day: int | None = None  # None: the stage's default
    due_day: int | None = None
    attempts: int = 3
    pass_percent: int = 80
    draw: int | None = None
    talk_track: str | None = None
    talk_track_minimum: float = 4.0
    dimensions: tuple[str, ...] = ()  # () with a talk-track: every rubric dimension
    reviewer: str | None = None  # a Slack id; None: each rep's manager

    def days(self) -> tuple[int, int]:
        """Its opening and due days, the stage's defaults filling what was not given."""
        opens, due = DEFAULT_DAYS[self.stage]
        return (opens if self.opens_day is None else self.opens_day,
                due if self.due_day is None else self.due_day)


def question_problems(question: KnowledgeQuestion) -> list[str]:
    """What is wrong with one question (empty: nothing)."""
    problems = []
    if not question.prompt.strip():
        problems.append("the question has no text")
    elif len(question.prompt) > LABEL_LENGTH:
        problems.append(f"the question is over {LABEL_LENGTH} characters (Slack's limit)")
    if not 2 <= len(question.options) <= MAX_OPTIONS:
        problems.append(f"give between 2 and {MAX_OPTIONS} options (Slack's limit)")
    problems += [f"option {n} is over {OPTION_LENGTH} characters (Slack's limit)"
                 for n, option in enumerate(question.options, start=1)
                 if len(option) > OPTION_LENGTH]
    if len(set(question.options)) != len(question.options):
        problems.append("two options are the same")
    if question.answer is None:
        problems.append("no right answer: `answer` must repeat one option exactly")
    return problems


def spec_problems(spec: CertificationSpec) -> list[tuple[str, str]]:
    """What is wrong with the certification as a whole, as (field, problem)."""
    problems: list[tuple[str, str]] = []
    if not spec.name.strip():
        problems.append(("name", "give the certification a name"))
    elif len(spec.name) > TITLE_LENGTH:
        problems.append(("name", f"keep the name within {TITLE_LENGTH} characters (it is the "
                                 "modal's title, Slack's limit)"))
    opens, due = spec.days()
    if due < opens:
        problems.append(("due", "the due day comes before the opening day"))
    if spec.stage is CertificationStage.PRE_EVENT and due >= 0:
        problems.append(("due", "a pre-event certification is due before the kickoff (T-1 at "
                                "the latest)"))
    if spec.stage is not CertificationStage.PRE_EVENT and opens < 1:
        problems.append(("opens", "it opens after the kickoff (T+1 at the earliest)"))
    if not spec.questions and spec.talk_track is None:
        problems.append(("questions", "give knowledge questions, a talk-track, or both"))
    if spec.stage is CertificationStage.SPOTCHECK and (spec.questions or spec.talk_track is None):
        problems.append(("talk_track", "a SpotCheck is one short prompt: give `talk_track` and "
                                       "no questions"))
    if not 1 <= spec.attempts <= MAX_ATTEMPTS:
        problems.append(("attempts", f"allow between 1 and {MAX_ATTEMPTS} attempts"))
    if not 1 <= spec.pass_percent <= 100:
        problems.append(("pass", "the pass mark is a percentage between 1 and 100"))
    drawn = spec.draw if spec.draw is not None else len(spec.questions)
    if spec.questions and not 1 <= drawn <= min(len(spec.questions), MAX_DRAWN):
        problems.append(("draw", f"draw between 1 and {min(len(spec.questions), MAX_DRAWN)} "
                                 "questions an attempt"))
    problems += _talk_track_problems(spec)
    return problems


def _talk_track_problems(spec: CertificationSpec) -> list[tuple[str, str]]:
    if spec.talk_track is None:
        return []
    problems = []
    if len(spec.talk_track) > LABEL_LENGTH:
        problems.append(("talk_track", f"keep the prompt within {LABEL_LENGTH} characters"))
    if not 1 <= spec.talk_track_minimum <= 5:
        problems.append(("talk_track", "the talk-track's pass score is between 1 and 5"))
    unknown = [name for name in spec.dimensions if name not in RUBRIC_DIMENSIONS]
    if unknown:
        problems.append(("dimensions", f"unknown rubric dimension {unknown[0]!r} (one of "
                                       f"{', '.join(RUBRIC_DIMENSIONS)})"))
    return problems


def scored_dimensions(dimensions: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """The rubric dimensions a talk-track is scored on (none chosen: all of the program's)."""
    return tuple(dimensions) or RUBRIC_DIMENSIONS
