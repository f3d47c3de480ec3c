"""The certification DMs that come at a time, each in its recipient's own working hours: the
window opening, the reminder two days before the due day, the T-3 lists of who is not
pre-certified, and the missed items for a manager only once the window has closed."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy.orm import Session

from bot.domain.certification.cert_file import read_certification
from bot.domain.kinds import DeliveryKind
from bot.services.certification.create import create_certification
from bot.services.outbox import Envelope
from db.models import Program
from scheduler.plans.certification import CertificationPlanner
from tests.databases import Database
from tests.handlers.certification_support import ALL_WEEK, PRE_EVENT
from tests.services.certification.taking import answer
from tests.services.surveys.world import ENABLEMENT, MANAGER, World, make_world

CREATED = datetime(2026, 12, 20, 12, tzinfo=UTC)  # before the window (28 Dec to 9 Jan)
ZONED = (("UTOKYO", "Asia/Tokyo"), ("ULA", "America/Los_Angeles"))


def plan(session: Session, start: datetime, end: datetime) -> list[Envelope]:
    return list(CertificationPlanner().plan(session=session, start=start, end=end))


@pytest.fixture
def made(database: Database) -> tuple[World, int]:
    with database.session_factory.begin() as session:
        world = make_world(session, reps=2, working_days=ALL_WEEK, zoned=ZONED)
        program = session.get(Program, world.program_id)
        assert program is not None
        cert = create_certification(session=session, program=program,
                                    spec=read_certification(PRE_EVENT), actor=None, now=CREATED)
        return world, cert.id


def test_it_opens_at_the_start_of_each_reps_own_working_day(
    database: Database, made: tuple[World, int]
) -> None:
    with database.session_factory() as session:
        sent = plan(session, datetime(2026, 12, 27, tzinfo=UTC), datetime(2026, 12, 29, tzinfo=UTC))
    due = {e.channel: e.due_at for e in sent if e.kind == DeliveryKind.CERT_OPEN}
    assert due == {
        "UREP01": datetime(2026, 12, 28, 8, tzinfo=UTC),
        "UREP02": datetime(2026, 12, 28, 8, tzinfo=UTC),
        "UTOKYO": datetime(2026, 12, 27, 23, tzinfo=UTC),  # 08:00 in Tokyo
        "ULA": datetime(2026, 12, 28, 16, tzinfo=UTC),  # 08:00 in Los Angeles
    }
    assert "Due by the end of *Saturday 09 January*" in str(sent[0].blocks)


def test_the_reminder_and_the_t3_lists_leave_out_who_passed(
    database: Database, made: tuple[World, int]
) -> None:
    _, cert = made
    with database.session_factory.begin() as session:
        answer(session, cert, "UREP01", datetime(2027, 1, 4, 10, tzinfo=UTC))
    with database.session_factory() as session:
        sent = plan(session, datetime(2027, 1, 6, 12, tzinfo=UTC),
                    datetime(2027, 1, 9, tzinfo=UTC))
    reminded = {e.channel: e.due_at for e in sent if e.kind == DeliveryKind.CERT_REMINDER}
    assert reminded == {"UREP02": datetime(2027, 1, 7, 8, tzinfo=UTC),
                        "UTOKYO": datetime(2027, 1, 6, 23, tzinfo=UTC),
                        "ULA": datetime(2027, 1, 7, 16, tzinfo=UTC)}
    lists = {e.channel: e for e in sent if e.kind == DeliveryKind.CERT_NOT_CERTIFIED}
    assert set(lists) == {ENABLEMENT, MANAGER}
    assert lists[ENABLEMENT].due_at == datetime(2027, 1, 8, 8, tzinfo=UTC)  # T-3
    assert lists[MANAGER].text == "3 not yet pre-certified (Pricing pre-cert)"
    assert "Rep 01" not in str(lists[MANAGER].blocks)
    assert "Rep 02" in str(lists[MANAGER].blocks)


def test_the_manager_gets_the_missed_items_only_once_the_window_closed(
    database: Database, made: tuple[World, int]
) -> None:
    _, cert = made
    with database.session_factory.begin() as session:
        for _ in range(3):
            answer(session, cert, "UREP02", datetime(2027, 1, 4, 10, tzinfo=UTC), right=False)
    with database.session_factory() as session:
        before = plan(session, datetime(2027, 1, 4, tzinfo=UTC), datetime(2027, 1, 9, tzinfo=UTC))
        after = plan(session, datetime(2027, 1, 9, tzinfo=UTC), datetime(2027, 1, 11, tzinfo=UTC))
    assert not [e for e in before if e.kind == DeliveryKind.CERT_MISSED]
    [missed] = [e for e in after if e.kind == DeliveryKind.CERT_MISSED]
    assert (missed.channel, missed.due_at) == (MANAGER, datetime(2027, 1, 10, 8, tzinfo=UTC))
    assert "Which tier includes SSO? _(right answer: Enterprise)_" in str(missed.blocks)
