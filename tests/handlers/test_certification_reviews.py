"""Talk-track reviews through signed requests: one passed, one "needs another attempt"; the rep
reviewing their own, someone reviewing another's, and a submission after the due day refused."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.clock import SystemClock
from bot.domain.kinds import DeliveryKind
from bot.fakeslack import FakeSlack, SignedSender
from bot.ids import ActionId, CallbackId, CertField
from db.models import AttemptStatus, CertificationReview, Delivery
from tests.databases import Database
from tests.handlers.certification_support import (
    IN_POST_EVENT,
    TALK_TRACK,
    add_certification,
    certification_world,
    latest_attempt,
    review,
    start,
    take,
)
from tests.services.surveys.world import MANAGER, World

LINK = "https://app.gong.io/call?id=42"
GOOD = {"value_articulation": "5", "objection_handling": "4"}
WEAK = {"value_articulation": "3", "objection_handling": "3"}


@pytest.fixture
def world(database: Database, fake_slack: FakeSlack, clock: SystemClock) -> World:
    clock.move_to(IN_POST_EVENT)
    return certification_world(database, fake_slack)


def dm_texts(database: Database, kind: DeliveryKind) -> list[tuple[str, str]]:
    with database.session_factory() as session:
        return [(d.channel, d.text) for d in session.scalars(
            select(Delivery).where(Delivery.kind == kind).order_by(Delivery.id))]


def refused_click(slack: SignedSender, fake: FakeSlack, user_id: str, attempt_id: int) -> str:
    before = len(fake.responses)
    slack.action(user_id=user_id, action_id=ActionId.CERT_REVIEW, value=str(attempt_id),
                 channel_id="D1")
    fake.wait_for(lambda: len(fake.responses) > before)
    return str(fake.responses[-1]["text"])


def test_one_talk_track_passes_and_another_needs_another_attempt(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, world: World
) -> None:
    cert = add_certification(database, world, TALK_TRACK, IN_POST_EVENT)
    strong, weak = world.reps[:2]
    for rep in (strong, weak):
        reply = take(slack, fake_slack, rep, cert, right=True, recording=LINK).reply.json
        assert reply is not None
        assert "with your reviewer" in str(reply["view"])
    assert [channel for channel, _ in dm_texts(database, DeliveryKind.CERT_REVIEW_REQUEST)] == [
        MANAGER, MANAGER]

    strong_attempt = latest_attempt(database, strong).id
    mismatch = review(slack, MANAGER, strong_attempt, WEAK, "pass").json
    assert mismatch is not None
    assert "average 3.0 against a pass of 4" in mismatch["errors"][CertField.VERDICT]
    saved = review(slack, MANAGER, strong_attempt, GOOD, "pass", "Crisp <!channel> value story")
    assert saved.json is not None
    assert saved.json["response_action"] == "update"
    assert latest_attempt(database, strong).status is AttemptStatus.PASSED
    assert review(slack, MANAGER, latest_attempt(database, weak).id, WEAK, "again",
                  "Handle the price objection").json is not None
    assert latest_attempt(database, weak).status is AttemptStatus.FAILED

    told = dm_texts(database, DeliveryKind.CERT_REVIEWED)
    assert told == [(strong, "You passed Pitch certification."),
                    (weak, "Pitch certification: your talk-track needs another attempt (1 left).")]
    with database.session_factory() as session:
        scores = session.scalars(select(CertificationReview.scores)
                                 .order_by(CertificationReview.reviewed_at)).all()
    assert scores[0] == {"value_articulation": 5, "objection_handling": 4}
    assert start(slack, fake_slack, weak, cert)["callback_id"] == CallbackId.CERT_ATTEMPT


def test_reviewing_ones_own_or_anothers_and_submitting_late_are_refused(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, world: World,
    clock: SystemClock,
) -> None:
    cert = add_certification(database, world, TALK_TRACK, IN_POST_EVENT)
    rep, other, late = world.reps[:3]
    take(slack, fake_slack, rep, cert, right=True, recording=LINK)
    attempt = latest_attempt(database, rep).id
    assert refused_click(slack, fake_slack, rep, attempt) == (
        "You cannot review your own talk-track.")
    assert refused_click(slack, fake_slack, other, attempt) == (
        "Only the rep's manager or the certification's named reviewer can review this "
        "talk-track.")
    forged = review(slack, other, attempt, GOOD, "pass").json
    assert forged is not None
    assert "named reviewer" in str(forged["view"])
    assert latest_attempt(database, rep).status is AttemptStatus.AWAITING_REVIEW

    view = start(slack, fake_slack, late, cert)
    clock.move_to(IN_POST_EVENT + timedelta(days=11))  # T+15: the day after the due day
    reply = slack.view_submission(
        user_id=late, callback_id=CallbackId.CERT_ATTEMPT,
        private_metadata=view["private_metadata"],
        values={CertField.RECORDING: {ActionId.CERT_INPUT: {"type": "url_text_input",
                                                            "value": LINK}}}).json
    assert reply is not None
    assert "Pitch certification was due on Mon 25 Jan: attempts are closed" in str(reply["view"])
    assert latest_attempt(database, late).status is AttemptStatus.STARTED
