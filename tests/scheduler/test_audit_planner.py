"""When audits are prepared and posted: Mondays 09:00 in the program's time zone (daylight
saving included), the read-out on day 32 or as configured; weeks without activity too; nothing
for a paused program; an audit that fails to compute holds up no other send."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from slack_sdk import WebClient
from sqlalchemy import select

from bot.domain.kinds import DeliveryKind
from bot.fakeslack import FakeSlack
from bot.features.registry import REGISTRY
from bot.features.samples import sample_kinds
from bot.services.audit.weeks import audit_slots
from bot.settings import Settings
from db.models import AuditSnapshot, Delivery, DeliveryStatus, Program, ProgramStatus
from scheduler.dispatcher import Dispatcher
from scheduler.planning import plan_all
from scheduler.plans import audit as audit_plans
from scheduler.plans.audit import AuditPlanner
from tests.audit_world import build_world
from tests.conftest import FAST
from tests.databases import Database
from tests.factories import make_program, make_workspace

# Monday 1 March 2027 in New York; daylight saving time starts on Sunday 14 March.
KICKOFF = date(2027, 3, 1)


def new_york_program(**fields: object) -> Program:
    """A program that is not stored (the schedule is plain arithmetic)."""
    return Program(name="Spring", kickoff_date=KICKOFF, event_days=1, timezone="America/New_York",
                   standup_channel="CSTANDUP", audit_channel="CAUDIT", working_days=[1, 2, 3, 4, 5],
                   holidays=[], **{"readout_day": 32, **fields})


def test_audits_are_posted_on_mondays_at_nine_in_the_programs_time_zone() -> None:
    slots = audit_slots(new_york_program())
    weekly = [(slot.week, slot.posted_at) for slot in slots[:-1]]
    assert weekly == [
        ("2027-W09", datetime(2027, 3, 8, 14, tzinfo=UTC)),  # 09:00 EST
        ("2027-W10", datetime(2027, 3, 15, 13, tzinfo=UTC)),  # 09:00 EDT
        ("2027-W11", datetime(2027, 3, 22, 13, tzinfo=UTC)),
        ("2027-W12", datetime(2027, 3, 29, 13, tzinfo=UTC)),
        ("2027-W13", datetime(2027, 4, 5, 13, tzinfo=UTC)),  # the week of day 30 (31 March)
    ]
    assert slots[1].prepared_at == datetime(2027, 3, 15, 4, tzinfo=UTC)  # the week's end
    assert slots[-1].posted_at == datetime(2027, 4, 2, 13, tzinfo=UTC)  # day 32, 09:00 EDT
    assert audit_slots(new_york_program(readout_day=35))[-1].posted_at.date() == date(2027, 4, 5)


@pytest.fixture
def audit_only(database: Database, slack_client: WebClient) -> Iterator[Dispatcher]:
    """A dispatcher with the audit planner alone."""
    sender = Dispatcher(session_factory=database.session_factory, client=slack_client,
                        planners=[AuditPlanner()], config=FAST)
    yield sender
    sender.close()


@pytest.fixture
def empty_program(database: Database, fake_slack: FakeSlack) -> int:
    """An active New York program with nobody in it yet."""
    fake_slack.add_channel("CAUDIT", "kickoff-audit")
    with database.session_factory.begin() as session:
        program = make_program(session, make_workspace(session), kickoff_date=KICKOFF,
                               timezone="America/New_York")
        return program.id


def test_a_week_with_no_activity_is_audited_too_and_not_before_nine(
    database: Database, fake_slack: FakeSlack, audit_only: Dispatcher, empty_program: int
) -> None:
    audit_only.tick(now=datetime(2027, 3, 8, 13, 59, tzinfo=UTC))  # 08:59 in New York
    assert fake_slack.messages("CAUDIT") == []
    with database.session_factory() as session:
        weekly = select(Delivery).where(Delivery.kind == DeliveryKind.AUDIT_WEEKLY)
        [planned] = session.scalars(weekly).all()
        assert planned.status is DeliveryStatus.PLANNED
        assert planned.due_at == datetime(2027, 3, 8, 14, tzinfo=UTC)
    audit_only.tick(now=datetime(2027, 3, 8, 14, tzinfo=UTC))
    [post] = fake_slack.messages("CAUDIT")
    assert post["text"] == "Coaching audit 2027-W09 (Q1 Kickoff): no 1:1s were due."


def test_a_paused_program_is_not_audited(
    database: Database, fake_slack: FakeSlack, audit_only: Dispatcher, empty_program: int
) -> None:
    with database.session_factory.begin() as session:
        session.get_one(Program, empty_program).status = ProgramStatus.PAUSED
    audit_only.tick(now=datetime(2027, 3, 8, 14, tzinfo=UTC))
    assert fake_slack.messages("CAUDIT") == []
    with database.session_factory() as session:
        assert session.scalars(select(AuditSnapshot)).all() == []


def test_an_audit_that_fails_is_logged_and_leaves_every_other_send_planned(
    database: Database, settings: Settings, monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    with database.session_factory.begin() as session:
        build_world(session, standup_days=5)  # Day 5 on Monday 18 January

    def broken(**_: object) -> None:
        raise RuntimeError("a bug in a feature the audit reads")

    monday = datetime(2027, 1, 18, 8, tzinfo=UTC)  # week 1's audit, and Day 5's standups
    with monkeypatch.context() as patched, database.session_factory.begin() as session:
        patched.setattr(audit_plans, "record_weekly_audit", broken)
        plan_all(session, REGISTRY.planners(settings), now=monday)
    assert "the weekly audit 2027-W02 of program 1 could not be prepared" in caplog.text
    with database.session_factory.begin() as session:
        kinds = set(session.scalars(select(Delivery.kind)))
        assert "standup_prompt" in kinds
        assert session.scalars(select(AuditSnapshot)).all() == []
        plan_all(session, REGISTRY.planners(settings), now=monday)  # the next pass
        assert [s.week for s in session.scalars(select(AuditSnapshot))] == ["2027-W02"]


def test_an_audits_files_are_uploaded_not_offered_as_a_message_to_send_as_a_test(
    settings: Settings,
) -> None:
    kinds = sample_kinds(REGISTRY.planners(settings))
    assert "audit_weekly" in kinds
    assert DeliveryKind.AUDIT_FILES not in kinds
