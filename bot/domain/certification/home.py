"""What the App Home shows of certifications: a rep their own status, a reviewer the
talk-tracks waiting for them, enablement each certification's progress and its answers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class OwnCertification:
    """A rep's standing in one certification."""

    certification_id: int
    name: str
    status: str  # not started / awaiting review / passed / failed
    attempts_left: int
    due_on: date
    open: bool  # the window is open and an attempt can start
    feedback: str | None  # the reviewer's line on the latest review


@dataclass(frozen=True)
class PendingReview:
    """A talk-track waiting for the viewer's review."""

    attempt_id: int
    rep: str
    name: str
    submitted_on: date
    overdue: bool  # not reviewed within 3 working days


@dataclass(frozen=True)
class CertificationProgress:
    """Enablement's line of one certification: how many of its reps have passed."""

    certification_id: int
    name: str
    stage: str
    passed: int | None  # None: fewer reps than the program's smallest group
    assigned: int
    reviews_pending: int


@dataclass(frozen=True)
class CertificationHome:
    """One program's part of the certifications section for the viewer."""

    program: str
    own: tuple[OwnCertification, ...] = ()
    reviews: tuple[PendingReview, ...] = ()
    progress: tuple[CertificationProgress, ...] = ()
    creates: bool = False  # enablement and admins create certifications here
