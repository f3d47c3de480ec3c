"""Erasing a rep who took a certification: their attempts and the reviews of their talk-tracks
go with them; erasing the reviewer clears them from what they reviewed; the certification and
the other rep's records stay."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.features.registry import REGISTRY
from bot.services.certification.review import record_review
from bot.services.erasure.person import erase_person
from db.models import Certification, CertificationAttempt, CertificationReview, Person
from tests.databases import Database
from tests.handlers.certification_support import TALK_TRACK, add_certification
from tests.services.certification.taking import answer
from tests.services.surveys.world import MANAGER, make_world

AT = datetime(2027, 1, 15, 10, tzinfo=UTC)  # T+4: the post-event window is open
SCORES: dict[str, str | None] = {"value_articulation": "5", "objection_handling": "4"}


def erase(session: Session, slack_id: str) -> None:
    person = session.scalars(select(Person).where(Person.slack_user_id == slack_id)).one()
    erase_person(session=session, person=person, columns=REGISTRY.personal_data())


def count(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def test_erasing_a_rep_and_their_reviewer(database: Database) -> None:
    with database.session_factory.begin() as session:
        world = make_world(session, reps=2)
    cert = add_certification(database, world, TALK_TRACK, AT)
    with database.session_factory.begin() as session:
        for rep in world.reps:
            done = answer(session, cert, rep, AT, recording="https://example.com/pitch")
            record_review(session=session, attempt_id=done.id, slack_user_id=MANAGER,
                          scores=SCORES, verdict="pass", feedback=f"Well done {rep}", now=AT)
    with database.session_factory.begin() as session:
        erase(session, world.reps[0])
    with database.session_factory.begin() as session:
        assert (count(session, CertificationAttempt), count(session, CertificationReview)) == (
            1, 1)
        assert count(session, Certification) == 1
        erase(session, MANAGER)
    with database.session_factory() as session:
        review = session.scalars(select(CertificationReview)).one()
        assert review.reviewer_id is None
        assert review.passed
