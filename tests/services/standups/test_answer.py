"""Recording answers: one per rep and day, posted once in the day's thread, edited in place."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.domain.kinds import DeliveryKind
from bot.domain.standups.fields import Field
from bot.errors import InvalidInput
from bot.services.outbox import Envelope, queue
from bot.services.standups.answer import Outcome, Submission, submit_answer
from bot.services.standups.keys import reminder_key, reply_key, thread_key
from bot.services.standups.out_today import mark_out_today
from bot.services.standups.turn import StandupTurn
from db.models import DeliveryStatus, Person, Program, ProgramStatus, StandupAnswer
from tests.databases import Database
from tests.standup_world import World, build_world, deliveries, utc

BERLIN_DAY_1 = utc(2027, 3, 12, 8, 5)  # Fri 09:05 in Berlin
INJECTION = "<!channel> <!here> <@U0BOSS> <https://evil.example|click me> & more"


@pytest.fixture
def world(database: Database) -> World:
    """The standup program, stored."""
    with database.session_factory.begin() as session:
        return build_world(session)


def submit(
    session: Session,
    world: World,
    *,
    user: str = "UBER",
    number: int = 1,
    activity: str | None = "Call Acme's CFO",
    win: str | None = "Demo booked with Globex",
    blocker: str | None = None,
    now: datetime = BERLIN_DAY_1,
    revision: int = 0,
    actor: str | None = None,
) -> Submission:
    """Submit the modal as `actor` (the rep by default)."""
    return submit_answer(
        session=session,
        turn=StandupTurn(
            program_id=world.program_id,
            rep_user_id=user,
            actor_user_id=actor or user,
            number=number,
            now=now,
        ),
        raw={Field.ACTIVITY: activity, Field.WIN: win, Field.BLOCKER: blocker},
        opened_revision=revision,
    )


def answers(session: Session) -> int:
    """How many answers are stored."""
    return int(session.scalar(select(func.count()).select_from(StandupAnswer)) or 0)


def test_a_first_answer_queues_the_parent_once_and_a_reply_in_its_thread(
    database: Database, world: World
) -> None:
    with database.session_factory.begin() as session:
        done = submit(session, world)
        submit(session, world, user="UKOL", now=utc(2027, 3, 12, 4))
    assert done.outcome is Outcome.CREATED
    with database.session_factory() as session:
        parents = deliveries(session, DeliveryKind.STANDUP_THREAD)
        replies = deliveries(session, DeliveryKind.STANDUP_REPLY)
    assert [p.key for p in parents] == [thread_key(world.program_id, 1)]
    assert parents[0].channel == "CSTANDUP"
    assert "Week-1 standup - Day 1 of 5" in parents[0].text
    assert {r.thread_key for r in replies} == {parents[0].key}
    assert replies[0].key == reply_key(world.program_id, 1, world.person_ids["UBER"])
    assert "<@UBER>" in str(replies[0].blocks)
    assert "Call Acme's CFO" in str(replies[0].blocks)


def test_everything_typed_is_escaped_in_the_reply(database: Database, world: World) -> None:
    with database.session_factory.begin() as session:
        submit(session, world, activity=INJECTION, win=INJECTION, blocker=INJECTION)
    with database.session_factory() as session:
        reply = deliveries(session, DeliveryKind.STANDUP_REPLY)[0]
    rendered = str(reply.blocks) + reply.text
    assert "&lt;!channel&gt; &lt;!here&gt; &lt;@U0BOSS&gt;" in rendered
    assert "&lt;https://evil.example|click me&gt; &amp; more" in rendered
    for raw in ("<!channel>", "<!here>", "<@U0BOSS>", "<https://"):
        assert raw not in rendered


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"activity": "x" * 1001}, Field.ACTIVITY, "it has 1,001"),
        ({"win": "y" * 1001}, Field.WIN, "keep this to 1,000 characters"),
        ({"blocker": "z" * 1001}, Field.BLOCKER, "it has 1,001"),
        ({"activity": "   "}, Field.ACTIVITY, "required"),
        ({"win": None}, Field.WIN, "required"),
    ],
)
def test_too_long_or_empty_fields_are_refused_and_nothing_is_saved(
    database: Database, world: World, fields: dict[str, str | None], field: Field, message: str
) -> None:
    with database.session_factory.begin() as session:
        done = submit(session, world, **fields)  # type: ignore[arg-type]
    assert list(done.errors) == [field]
    assert message in done.errors[field]
    with database.session_factory() as session:
        assert answers(session) == 0
        assert deliveries(session) == []


def test_exactly_a_thousand_characters_are_fine(database: Database, world: World) -> None:
    with database.session_factory.begin() as session:
        done = submit(session, world, activity="&" * 1000)
    assert done.outcome is Outcome.CREATED
    with database.session_factory() as session:
        reply = deliveries(session, DeliveryKind.STANDUP_REPLY)[0]
    assert reply.blocks is not None
    assert all(len(b["text"]["text"]) <= 3000 for b in reply.blocks if "text" in b)
    assert str(reply.blocks).count("&amp;") == 1000  # split after escaping, no entity cut


def test_someone_else_cannot_answer_for_a_rep(database: Database, world: World) -> None:
    with database.session_factory.begin() as session:
        done = submit(session, world, actor="UKOL")
    assert "belongs to someone else" in done.errors[Field.ACTIVITY]
    with database.session_factory() as session:
        assert answers(session) == 0


def test_the_same_submission_twice_changes_nothing_the_second_time(
    database: Database, world: World
) -> None:
    with database.session_factory.begin() as session:
        submit(session, world)
    with database.session_factory.begin() as session:
        again = submit(session, world)
    assert again.outcome is Outcome.UNCHANGED
    assert "nothing was posted twice" in again.notes[0]
    with database.session_factory() as session:
        assert answers(session) == 1
        assert len(deliveries(session, DeliveryKind.STANDUP_REPLY)) == 1


def test_a_second_prompt_submitted_replaces_the_answer_and_rewrites_the_waiting_reply(
    database: Database, world: World
) -> None:
    with database.session_factory.begin() as session:
        submit(session, world)
    with database.session_factory.begin() as session:
        second = submit(session, world, activity="Something else", revision=0)
    assert second.outcome is Outcome.REPLACED
    assert "replaced that answer" in second.notes[0]
    with database.session_factory() as session:
        assert answers(session) == 1
        replies = deliveries(session, DeliveryKind.STANDUP_REPLY)
    assert len(replies) == 1  # not yet sent, so rewritten rather than updated
    assert "Something else" in str(replies[0].blocks)


def test_an_edit_after_the_reply_was_sent_queues_an_update_of_it(
    database: Database, world: World
) -> None:
    with database.session_factory.begin() as session:
        submit(session, world)
        for row in deliveries(session):
            row.status, row.channel_id, row.ts = DeliveryStatus.SENT, "CSTANDUP", "1.0"
    with database.session_factory.begin() as session:
        edited = submit(session, world, win="A bigger win", revision=1)
    assert edited.outcome is Outcome.EDITED
    assert edited.notes == []
    with database.session_factory() as session:
        updates = [r for r in deliveries(session, DeliveryKind.STANDUP_REPLY) if r.update_key]
    assert len(updates) == 1
    assert updates[0].update_key == reply_key(world.program_id, 1, world.person_ids["UBER"])
    assert "A bigger win" in str(updates[0].blocks)
    assert "(edited)" in str(updates[0].blocks)


def test_late_until_local_midnight_then_closed(database: Database, world: World) -> None:
    with database.session_factory.begin() as session:
        late = submit(session, world, now=utc(2027, 3, 12, 22, 59))  # 23:59 in Berlin
        closed = submit(session, world, user="ULA", now=utc(2027, 3, 13, 8))  # LA's midnight
    assert late.outcome is Outcome.CREATED
    assert "closed at midnight your time" in closed.errors[Field.ACTIVITY]
    with database.session_factory() as session:
        stored = session.scalars(select(StandupAnswer)).one()
    assert stored.late
    assert stored.person_id == world.person_ids["UBER"]


def test_out_today_cancels_the_reminder_and_an_answer_can_still_follow(
    database: Database, world: World
) -> None:
    with database.session_factory.begin() as session:
        mark_out_today(
            session=session,
            turn=StandupTurn(
                program_id=world.program_id,
                rep_user_id="UBER",
                actor_user_id="UBER",
                number=1,
                now=BERLIN_DAY_1,
            ),
        )
        mark_out_today(
            session=session,
            turn=StandupTurn(
                program_id=world.program_id,
                rep_user_id="UBER",
                actor_user_id="UBER",
                number=1,
                now=BERLIN_DAY_1,
            ),
        )
    with database.session_factory.begin() as session:
        stored = session.scalars(select(StandupAnswer)).one()
        assert stored.out_today
        done = submit(session, world)
    assert done.outcome is Outcome.CREATED
    with database.session_factory() as session:
        stored = session.scalars(select(StandupAnswer)).one()
        assert not stored.out_today
        assert len(deliveries(session, DeliveryKind.STANDUP_REPLY)) == 1
    with database.session_factory.begin() as session, pytest.raises(InvalidInput):
        mark_out_today(
            session=session,
            turn=StandupTurn(
                program_id=world.program_id,
                rep_user_id="UBER",
                actor_user_id="UBER",
                number=1,
                now=BERLIN_DAY_1,
            ),
        )


def test_answering_cancels_the_planned_reminder(database: Database, world: World) -> None:
    with database.session_factory.begin() as session:
        key = reminder_key(world.program_id, "UBER", 1)
        queue(
            session,
            [
                Envelope(
                    key=key,
                    kind=DeliveryKind.STANDUP_REMINDER,
                    workspace_id=1,
                    program_id=world.program_id,
                    person_id=None,
                    channel="UBER",
                    text="r",
                    blocks=None,
                    due_at=utc(2027, 3, 12, 10),
                    window_end=utc(2027, 3, 12, 23),
                )
            ],
            now=BERLIN_DAY_1,
        )
        submit(session, world)
    with database.session_factory() as session:
        reminder = deliveries(session, DeliveryKind.STANDUP_REMINDER)[0]
        assert reminder.status is DeliveryStatus.CANCELLED


def test_the_parent_count_is_updated_at_most_once_a_minute_with_the_latest_figures(
    database: Database, world: World
) -> None:
    with database.session_factory.begin() as session:
        submit(session, world, user="UKOL", now=utc(2027, 3, 12, 4, 0))
        submit(session, world, user="USYD", now=utc(2027, 3, 12, 4, 1))
        submit(session, world, user="UCHA", now=utc(2027, 3, 12, 4, 1))
    with database.session_factory() as session:
        counts = deliveries(session, DeliveryKind.STANDUP_COUNT)
    # The first answer's parent carries its count; the two at 04:01 share one update.
    assert [c.key.rsplit("-", 1)[1] for c in counts] == ["202703120401"]
    assert all(c.update_key == thread_key(world.program_id, 1) for c in counts)
    assert "3 / 5 answered" in counts[-1].text


def test_a_deactivated_rep_or_a_paused_program_saves_nothing_and_says_why(
    database: Database, world: World
) -> None:
    with database.session_factory.begin() as session:
        session.get_one(Person, world.person_ids["UBER"]).active = False
        session.get_one(Program, world.program_id).status = ProgramStatus.PAUSED
    with database.session_factory.begin() as session:
        paused = submit(session, world)
        session.get_one(Program, world.program_id).status = ProgramStatus.ACTIVE
        session.flush()
        gone = submit(session, world)
    assert "FY27 Kickoff is paused" in paused.errors[Field.ACTIVITY]
    assert "no longer in the standups of FY27 Kickoff" in gone.errors[Field.ACTIVITY]
    with database.session_factory() as session:
        assert answers(session) == 0
