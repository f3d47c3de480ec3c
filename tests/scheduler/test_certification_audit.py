"""The Monday audit's certification lines, against a hand count: pre-event completion and
percent certified overall and per manager's team (a team under the smallest group folded into
"other teams", no rep named), and the talk-track reviews pending."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from slack_sdk import WebClient
from sqlalchemy import select

from bot.domain.certification.cert_file import read_certification
from bot.domain.kinds import DeliveryKind
from bot.fakeslack import FakeSlack
from bot.services.certification.create import create_certification
from db.models import Delivery, Role
from scheduler.dispatcher import Dispatcher
from scheduler.plans.audit import AuditPlanner
from tests.conftest import FAST
from tests.databases import Database
from tests.factories import add_member, make_person, make_program, make_workspace
from tests.handlers.certification_support import PRE_EVENT, TALK_TRACK
from tests.services.certification.taking import answer

KICKOFF = date(2027, 3, 1)  # a Monday; the first weekly audit is posted on 8 March
TEAMS = (("UANA", "Ana", 5, 4), ("UBO", "Bo", 2, 2), ("UCY", "Cy", 3, 1))  # reps, passed


@pytest.fixture
def audit_only(database: Database, slack_client: WebClient) -> Iterator[Dispatcher]:
    sender = Dispatcher(session_factory=database.session_factory, client=slack_client,
                        planners=[AuditPlanner()], config=FAST)
    yield sender
    sender.close()


def build_certified_program(database: Database) -> None:
    """Three teams' reps, some pre-certified; Ana's first rep's talk-track submitted on 4 March,
    waiting for Ana's review."""
    with database.session_factory.begin() as session:
        workspace = make_workspace(session)
        program = make_program(session, workspace, kickoff_date=KICKOFF)
        certs = [create_certification(session=session, program=program,
                                      spec=read_certification(text), actor=None,
                                      now=datetime(2027, 2, 1, tzinfo=UTC)).id
                 for text in (PRE_EVENT, TALK_TRACK)]
        for manager_id, name, reps, passed in TEAMS:
            manager = make_person(session, workspace, manager_id, name=name)
            add_member(session, program, manager, Role.MANAGER)
            for n in range(reps):
                rep = make_person(session, workspace, f"{manager_id}{n}", name=f"{name} rep {n}")
                add_member(session, program, rep, Role.REP, manager=manager)
                if n < passed:
                    answer(session, certs[0], rep.slack_user_id, datetime(2027, 2, 20, 15,
                                                                          tzinfo=UTC))
        answer(session, certs[1], "UANA0", datetime(2027, 3, 4, 15, tzinfo=UTC),
               recording="https://example.com/pitch")


def latest_audit_text(database: Database) -> str:
    """The blocks of the weekly audit posted last."""
    with database.session_factory() as session:
        post = session.scalars(select(Delivery).where(
            Delivery.kind == DeliveryKind.AUDIT_WEEKLY).order_by(Delivery.due_at.desc())).first()
    assert post is not None
    return str(post.blocks)


def test_the_weekly_audit_shows_certification_as_counted_by_hand(
    database: Database, fake_slack: FakeSlack, audit_only: Dispatcher
) -> None:
    fake_slack.add_channel("CAUDIT", "kickoff-audit")
    build_certified_program(database)
    audit_only.tick(now=datetime(2027, 3, 8, 14, tzinfo=UTC))
    text = latest_audit_text(database)
    # By hand: 7 of 10 pre-certified; Ana's 4 of 5; Bo's 2 and Cy's 1 of 3 fold into 3 of 5.
    assert ("• Pre-event completion: overall 70% (7 of 10); Ana's team 80% (4 of 5); "
            "other teams 60% (3 of 5)") in text
    assert ("• Certified (post-event): overall 0% (0 of 10); Ana's team 0% (0 of 5); "
            "other teams 0% (0 of 5)") in text
    # Submitted Thursday: Friday and Monday are two working days, not yet over three.
    assert "• Talk-track reviews pending: 1" in text
    assert "over 3 working days" not in text
    assert "rep 0" not in text


def test_a_review_waiting_over_3_working_days_names_its_reviewer_not_the_rep(
    database: Database, fake_slack: FakeSlack, audit_only: Dispatcher
) -> None:
    fake_slack.add_channel("CAUDIT", "kickoff-audit")
    build_certified_program(database)
    audit_only.tick(now=datetime(2027, 3, 8, 14, tzinfo=UTC))
    audit_only.tick(now=datetime(2027, 3, 15, 14, tzinfo=UTC))
    text = latest_audit_text(database)
    assert "• Talk-track reviews pending: 1 (1 over 3 working days: Ana 1)" in text
    assert "rep 0" not in text
