"""A digest states the overdue items' real deadline (the end of the New York program's week) in
each manager's own time, weekday and hour; sent by the dispatcher to the fake Slack."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.domain.coaching.status import Status
from bot.fakeslack import FakeSlack
from bot.services.coaching.status import load_status_context
from db.models import CoachingItem, Program
from scheduler.dispatcher import Dispatcher
from tests.coaching_world import build_world
from tests.databases import Database

# Week 2's sessions are due Thu 21 Jan 2027 and overdue in Friday's digest; the program's week
# ends at midnight after Sun 24 Jan in New York: 05:00 UTC on Monday.
WEEK_END = datetime(2027, 1, 25, 5, tzinfo=UTC)
FRIDAY_AFTER_NINE_EVERYWHERE = datetime(2027, 1, 22, 17, 1, tzinfo=UTC)
SAID = {
    "UMLA": "by Sun 20:59 your time",  # Los Angeles
    "UMBER": "by Mon 05:59 your time",  # Berlin
    "UMDEL": "by Mon 10:29 your time",  # Kolkata
}


def test_each_manager_reads_the_programs_deadline_in_their_own_time(
    database: Database, fake_slack: FakeSlack, dispatcher: Dispatcher
) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session, fake_slack)
    dispatcher.tick(now=FRIDAY_AFTER_NINE_EVERYWHERE)
    for manager, said in SAID.items():
        [digest] = [m for m in fake_slack.messages(fake_slack.dm_channel(manager))
                    if m["text"].startswith("Coaching for Fri 22 Jan")]
        titles = [b["text"]["text"] for b in digest["blocks"] if b["type"] == "section"]
        assert f"*Overdue*: log, reschedule or skip it {said}, or it counts as missed." in titles
    with database.session_factory.begin() as session:
        program = session.get_one(Program, world.program_id)
        context = load_status_context(session=session, program=program)
        overdue = session.scalars(select(CoachingItem).where(CoachingItem.week == 2)).all()
        # Sun 20:59:59 in Los Angeles is still in time; Sun 21:00 there is not.
        just_before = WEEK_END - timedelta(seconds=1)
        assert {context.status_of(item, just_before) for item in overdue} == {Status.OPEN}
        assert {context.status_of(item, WEEK_END) for item in overdue} == {Status.MISSED}
