"""Anonymous surveys: the survey, its questions, who has answered, and the answers, kept unjoinable.

Answers and the record of who answered share nothing but the survey: no person, Slack id, team,
role, timestamp or sequential id on an answer, and no timestamp or sequential id on a
participation either. Answers are held sealed until closing, then written all at once, shuffled,
with every participation rewritten in the same transaction (bot/services/surveys/batching.py).
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, Enum, ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, UtcDateTime, utcnow


class SurveyAudience(StrEnum):
    """Who a survey asks: the program's reps, its managers, or every member."""

    REPS = "reps"
    MANAGERS = "managers"
    ALL = "all"


class SurveyTemplate(StrEnum):
    """Which questions a survey asks (bot/domain/surveys/templates.py)."""

    ENPS = "enps"  # one 0-10 question and the three fixed free texts (its own answer form)
    GAP = "gap"  # the gap items
    CUSTOM = "custom"  # enablement's own list
    # Every template's questions are stored in survey_question, its answers one row per answer
    # per question in survey_item_answer.


class SurveyOutcome(StrEnum):
    """How a closed survey ended."""

    PUBLISHED = "published"  # the minimum was met: results posted
    BELOW_MINIMUM = "below_minimum"  # too few answers: nothing shown, answers deleted


def _enum_column(enum: type[StrEnum]) -> Enum:
    # Plain VARCHAR, like the other enums, so adding a value needs no type migration.
    return Enum(enum, native_enum=False, length=16, values_callable=lambda e: [m.value for m in e])


class Survey(Base):
    """One survey of a program: its template, schedule and threshold (questions apart)."""

    __tablename__ = "survey"

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspace.id"))
    program_id: Mapped[int] = mapped_column(ForeignKey("program.id"), index=True)
    title: Mapped[str] = mapped_column(String(80))
    question: Mapped[str] = mapped_column(String(300))
    audience: Mapped[SurveyAudience] = mapped_column(_enum_column(SurveyAudience))
    opens_at: Mapped[datetime] = mapped_column(UtcDateTime)
    closes_at: Mapped[datetime] = mapped_column(UtcDateTime)
    results_channel: Mapped[str] = mapped_column(String(32))
    minimum: Mapped[int]
    created_by: Mapped[int | None] = mapped_column(ForeignKey("person.id"))  # None: the shell
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    # Person ids who had not answered when the reminder was decided (a day before closing);
    # None until then. Decided once, so no later answer changes any row about that person.
    reminder_audience: Mapped[list[int] | None] = mapped_column(JSON(none_as_null=True))
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    audience_size: Mapped[int | None]  # at closing: the response rate's denominator
    outcome: Mapped[SurveyOutcome | None] = mapped_column(_enum_column(SurveyOutcome))
    template: Mapped[SurveyTemplate] = mapped_column(
        _enum_column(SurveyTemplate), default=SurveyTemplate.ENPS, server_default="enps")


class SurveyParticipation(Base):
    """That a person has answered a survey (one answer each; no reminder). Nothing else."""

    __tablename__ = "survey_participation"

    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id"), primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), primary_key=True)


class SurveyQuestion(Base):
    """One question of a survey (of any template), in the order it is asked."""

    __tablename__ = "survey_question"

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id"), index=True)
    position: Mapped[int]
    kind: Mapped[str] = mapped_column(String(8))  # a bot.domain.surveys.questions.QuestionKind
    prompt: Mapped[str] = mapped_column(String(300))
    low_label: Mapped[str | None] = mapped_column(String(40))
    high_label: Mapped[str | None] = mapped_column(String(40))


class SurveyPendingAnswer(Base):
    """A submitted answer waiting for the survey to close: sealed (encrypted, fixed size) under
    a key that is not in the database, so the holding area shows nobody's answer."""

    __tablename__ = "survey_pending_answer"

    key: Mapped[str] = mapped_column(String(32), primary_key=True)  # random
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id"), index=True)
    sealed: Mapped[bytes] = mapped_column(LargeBinary)


class SurveyItemAnswer(Base):
    """One anonymous answer to one question: a random key, the question, a number or a text.

    One row per answer per question, written at closing shuffled across every question, so no
    column, key or position joins one person's answers to two questions.
    """

    __tablename__ = "survey_item_answer"

    key: Mapped[str] = mapped_column(String(32), primary_key=True)  # random, drawn at closing
    survey_id: Mapped[int] = mapped_column(ForeignKey("survey.id"), index=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("survey_question.id"), index=True)
    score: Mapped[int | None]
    text: Mapped[str | None] = mapped_column(Text)
