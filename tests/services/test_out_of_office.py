"""Out of office: merging ranges, clearing days, and cancelling what was already planned."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.errors import InvalidInput
from bot.services.out_of_office import (
    clear_out_of_office,
    list_out_of_office,
    set_out_of_office,
)
from bot.services.outbox import Envelope, queue
from db.models import Delivery, DeliveryStatus, Person, Role
from scheduler.planning import plan_all
from tests.databases import Database
from tests.factories import add_member, make_person, make_program, make_workspace
from tests.scheduler.planners import KIND, NineOClockPlanner

MONDAY = date(2027, 1, 11)
NOW = datetime(2027, 1, 11, 0, 0, tzinfo=UTC)


def day(n: int) -> date:
    """The day `n` days after Monday 11 January 2027."""
    return MONDAY + timedelta(days=n)


def member(session: Session, slack_id: str = "UANA", tz: str = "Europe/Berlin") -> Person:
    """A rep of an active program, in `tz`."""
    workspace = make_workspace(session)
    program = make_program(session, workspace)
    person = make_person(session, workspace, slack_id, tz=tz, name="Ana Alvarez")
    add_member(session, program, person, Role.REP)
    return person


def ranges(session: Session, person: Person) -> list[tuple[date, date]]:
    """The person's ranges as (first, last)."""
    absences = list_out_of_office(session=session, workspace_id=person.workspace_id, person=person)
    return [(a.first_day, a.last_day) for a in absences]


def statuses(session: Session) -> dict[date, tuple[DeliveryStatus, str | None]]:
    """Local day (the key's slot) -> (status, error) of every test_nine row."""
    rows = session.scalars(select(Delivery).where(Delivery.kind == KIND))
    return {date.fromisoformat(row.key.rsplit(":", 1)[1]): (row.status, row.error) for row in rows}


def test_overlapping_and_touching_ranges_merge_into_one(database: Database) -> None:
    with database.session_factory.begin() as session:
        ana = member(session)
        set_out_of_office(session=session, person=ana, first_day=day(0), last_day=day(2), now=NOW)
        set_out_of_office(session=session, person=ana, first_day=day(7), last_day=day(8), now=NOW)
        assert ranges(session, ana) == [(day(0), day(2)), (day(7), day(8))]

        joined = set_out_of_office(
            session=session, person=ana, first_day=day(3), last_day=day(6), now=NOW
        )
        assert (joined.absence.first_day, joined.absence.last_day) == (day(0), day(8))
        assert ranges(session, ana) == [(day(0), day(8))]


@pytest.mark.parametrize(
    ("first", "last", "message"),
    [
        (day(3), day(1), "The first day (2027-01-14) is after the last day (2027-01-12)."),
        (day(0), day(90), "An out-of-office range is at most 90 days; set it in parts."),
    ],
)
def test_a_backwards_or_too_long_range_is_refused(
    database: Database, first: date, last: date, message: str
) -> None:
    with database.session_factory.begin() as session:
        ana = member(session)
        with pytest.raises(InvalidInput) as refused:
            set_out_of_office(session=session, person=ana, first_day=first, last_day=last, now=NOW)
        assert str(refused.value) == message
        assert ranges(session, ana) == []


def test_clearing_the_middle_of_a_range_splits_it(database: Database) -> None:
    with database.session_factory.begin() as session:
        ana = member(session)
        set_out_of_office(session=session, person=ana, first_day=day(0), last_day=day(9), now=NOW)

        removed = clear_out_of_office(
            session=session, person=ana, now=NOW, first_day=day(3), last_day=day(4)
        )

        assert removed == 2
        assert ranges(session, ana) == [(day(0), day(2)), (day(5), day(9))]


def test_clearing_without_days_keeps_the_days_already_past(database: Database) -> None:
    with database.session_factory.begin() as session:
        ana = member(session)
        set_out_of_office(session=session, person=ana, first_day=day(0), last_day=day(4), now=NOW)
        set_out_of_office(session=session, person=ana, first_day=day(20), last_day=day(21), now=NOW)
        wednesday_in_berlin = datetime(2027, 1, 12, 23, 30, tzinfo=UTC)  # 00:30 on the 13th

        removed = clear_out_of_office(session=session, person=ana, now=wednesday_in_berlin)

        assert removed == 3 + 2
        assert ranges(session, ana) == [(day(0), day(1))]


def test_an_out_of_office_set_after_planning_cancels_the_planned_rows_in_that_range(
    database: Database,
) -> None:
    planners = [NineOClockPlanner()]
    with database.session_factory.begin() as session:
        ana = member(session)
        plan_all(session, planners, now=NOW)  # plans Monday and Tuesday 09:00 in Berlin
        assert statuses(session) == {day(0): (DeliveryStatus.PLANNED, None),
                                     day(1): (DeliveryStatus.PLANNED, None)}

        result = set_out_of_office(
            session=session, person=ana, first_day=day(1), last_day=day(3), now=NOW
        )
        assert result.cancelled == 1
        assert statuses(session)[day(1)] == (DeliveryStatus.CANCELLED, "out of office")

        later = plan_all(session, planners, now=NOW + timedelta(days=1))  # still away
        assert later.added == 0
        assert statuses(session) == {day(0): (DeliveryStatus.PLANNED, None),
                                     day(1): (DeliveryStatus.CANCELLED, "out of office")}


def test_cleared_days_are_planned_again_by_the_next_pass(database: Database) -> None:
    planners = [NineOClockPlanner()]
    with database.session_factory.begin() as session:
        ana = member(session)
        plan_all(session, planners, now=NOW)
        set_out_of_office(session=session, person=ana, first_day=day(0), last_day=day(3), now=NOW)
        assert {status for status, _ in statuses(session).values()} == {DeliveryStatus.CANCELLED}

        clear_out_of_office(session=session, person=ana, now=NOW)
        plan_all(session, planners, now=NOW)

        assert statuses(session) == {day(0): (DeliveryStatus.PLANNED, None),
                                     day(1): (DeliveryStatus.PLANNED, None)}


def test_the_days_are_the_persons_own_local_days(database: Database) -> None:
    # 09:00 on Tuesday 12 January in Chatham (UTC+13:45) is 19:15 UTC on Monday the 11th.
    with database.session_factory.begin() as session:
        kiri = member(session, "UKIRI", tz="Pacific/Chatham")
        plan_all(session, [NineOClockPlanner()], now=datetime(2027, 1, 10, 12, 0, tzinfo=UTC))
        assert set(statuses(session)) == {day(0), day(1)}

        set_out_of_office(session=session, person=kiri, first_day=day(1), last_day=day(1), now=NOW)

        assert statuses(session) == {day(0): (DeliveryStatus.PLANNED, None),
                                     day(1): (DeliveryStatus.CANCELLED, "out of office")}


def test_channel_posts_about_the_person_are_not_cancelled(database: Database) -> None:
    with database.session_factory.begin() as session:
        ana = member(session)
        due = datetime(2027, 1, 12, 10, 0, tzinfo=UTC)
        queue(session, [Envelope(
            key="answer:1:UANA:2027-01-12", kind="standup_answer", workspace_id=ana.workspace_id,
            program_id=None, person_id=ana.id, channel="CSTANDUP", text="Ana's answer",
            blocks=None, due_at=due, window_end=due + timedelta(hours=12),
        )], now=NOW)

        result = set_out_of_office(
            session=session, person=ana, first_day=day(1), last_day=day(1), now=NOW
        )

        assert result.cancelled == 0
        row = session.scalars(select(Delivery)).one()
        assert row.status is DeliveryStatus.PLANNED
