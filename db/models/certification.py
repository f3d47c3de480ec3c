"""Certifications ("Certify to Fly"): what enablement defines, each attempt a person makes, the
talk-track reviews, and the retake windows of people sent back into the cycle.

The right option of a question is stored here and nowhere else: what is sent to Slack names
options by their shown position in one attempt (`drawn`), never by what they are.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import JSON, Enum, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, UtcDateTime, utcnow


class CertificationStage(StrEnum):
    """When a certification is taken: before the event, after it, or the later SpotCheck."""

    PRE_EVENT = "pre-event"
    POST_EVENT = "post-event"
    SPOTCHECK = "spotcheck"  # one prompt and the manager's rating, around day 100


class AttemptStatus(StrEnum):
    """Where one attempt stands."""

    STARTED = "started"  # the modal was opened, nothing submitted
    AWAITING_REVIEW = "awaiting_review"  # the questions passed; the talk-track waits for review
    PASSED = "passed"
    FAILED = "failed"


def _enum_column(enum: type[StrEnum]) -> Enum:
    # Plain VARCHAR, like the other enums, so adding a value needs no type migration.
    return Enum(enum, native_enum=False, length=16, values_callable=lambda e: [m.value for m in e])


class Certification(Base):
    """One certification of a program: its window (days from the kickoff), items and pass rule."""

    __tablename__ = "certification"

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspace.id"))
    program_id: Mapped[int] = mapped_column(ForeignKey("program.id"), index=True)
    name: Mapped[str] = mapped_column(String(24))  # the attempt modal's title: Slack's 24
    stage: Mapped[CertificationStage] = mapped_column(_enum_column(CertificationStage))
    opens_day: Mapped[int]  # days from the kickoff date (negative: before it)
    due_day: Mapped[int]
    attempts: Mapped[int] = mapped_column(default=3)
    pass_percent: Mapped[int] = mapped_column(default=80)
    draw: Mapped[int | None]  # questions drawn per attempt (None: all of them)
    talk_track: Mapped[str | None] = mapped_column(Text)  # the prompt; None: no talk-track item
    talk_track_minimum: Mapped[float] = mapped_column(default=4.0)
    dimensions: Mapped[list[str]] = mapped_column(JSON, default=list)  # rubric dimensions scored
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))  # None: the manager
    created_by: Mapped[int | None] = mapped_column(ForeignKey("person.id"))  # None: the shell
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class CertificationQuestion(Base):
    """A knowledge question of the pool: single choice, `answer` the right option's index."""

    __tablename__ = "certification_question"

    id: Mapped[int] = mapped_column(primary_key=True)
    certification_id: Mapped[int] = mapped_column(ForeignKey("certification.id"), index=True)
    position: Mapped[int]
    prompt: Mapped[str] = mapped_column(Text)
    options: Mapped[list[str]] = mapped_column(JSON)
    answer: Mapped[int]


class CertificationRetake(Base):
    """A window a person was sent back into: after failing out, or a SpotCheck's "needs help"."""

    __tablename__ = "certification_retake"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The program of each row about a person, so a program's retention purge finds it.
    program_id: Mapped[int] = mapped_column(ForeignKey("program.id"), index=True)
    certification_id: Mapped[int] = mapped_column(ForeignKey("certification.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    round: Mapped[int]  # 1 for the first retake (round 0 is the certification's own window)
    opens_on: Mapped[date]  # the person's own days
    due_on: Mapped[date]
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class CertificationAttempt(Base):
    """One attempt: which questions were drawn and in which option order, and how it went."""

    __tablename__ = "certification_attempt"

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("program.id"), index=True)
    certification_id: Mapped[int] = mapped_column(ForeignKey("certification.id"), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    round: Mapped[int] = mapped_column(default=0)
    number: Mapped[int]  # 1, 2, 3 within its round
    # [[question id, [option index shown first, second, ...]], ...]: the only map from what
    # the modal sends back to the options.
    drawn: Mapped[list[list[object]]] = mapped_column(JSON)
    chosen: Mapped[list[int | None] | None] = mapped_column(JSON(none_as_null=True))
    correct: Mapped[int | None]
    recording_url: Mapped[str | None] = mapped_column(String(500))
    status: Mapped[AttemptStatus] = mapped_column(
        _enum_column(AttemptStatus), default=AttemptStatus.STARTED)
    started_at: Mapped[datetime] = mapped_column(UtcDateTime)
    submitted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class CertificationReview(Base):
    """The review of an attempt's talk-track (or a SpotCheck's rating) and its one line."""

    __tablename__ = "certification_review"

    attempt_id: Mapped[int] = mapped_column(ForeignKey("certification_attempt.id"),
                                            primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("program.id"), index=True)
    # The rep reviewed: erasing them deletes the review with their attempt.
    rep_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    scores: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    passed: Mapped[bool]
    feedback: Mapped[str] = mapped_column(String(200), default="")
    reviewed_at: Mapped[datetime] = mapped_column(UtcDateTime)

    # Known to the unit of work, so deleting an attempt and its review together (erasing the
    # rep) deletes the review first.
    attempt: Mapped[CertificationAttempt] = relationship()
