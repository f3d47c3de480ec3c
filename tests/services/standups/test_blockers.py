"""Blockers reach the rep's manager, follow edits, are resolved once and counted per manager."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.domain.kinds import DeliveryKind
from bot.domain.standups.fields import Field
from bot.errors import NotAllowed
from bot.services.actor import Actor
from bot.services.standups.answer import submit_answer
from bot.services.standups.blockers import open_blockers_by_manager
from bot.services.standups.resolve import resolve_blocker
from bot.services.standups.turn import StandupTurn
from db.models import DeliveryStatus, StandupAnswer
from tests.databases import Database
from tests.standup_world import PROGRAM_ADMIN, World, build_world, deliveries, utc

NOW = utc(2027, 3, 12, 4, 30)  # Day 1 is open in Kolkata, Sydney and Chatham
INJECTION = "Legal wants <!channel> approval, ask <@U0CEO> & <https://evil.example|this>"


@pytest.fixture
def world(database: Database) -> World:
    """The standup program, stored."""
    with database.session_factory.begin() as session:
        return build_world(session)


def answer(
    database: Database, world: World, user: str, blocker: str | None, revision: int = 0
) -> None:
    """Submit an answer with `blocker`."""
    with database.session_factory.begin() as session:
        done = submit_answer(
            session=session,
            turn=StandupTurn(
                program_id=world.program_id,
                rep_user_id=user,
                actor_user_id=user,
                number=1,
                now=NOW,
            ),
            opened_revision=revision,
            raw={Field.ACTIVITY: "Call Acme", Field.WIN: "A win", Field.BLOCKER: blocker},
        )
    assert not done.errors


def mark_all_sent(database: Database) -> None:
    """Pretend the dispatcher sent everything queued so far."""
    with database.session_factory.begin() as session:
        for number, row in enumerate(deliveries(session)):
            row.status, row.channel_id, row.ts = DeliveryStatus.SENT, "D0", f"{number}.0"


def resolve(database: Database, world: World, actor: str, *, admin: bool = False) -> bool:
    """Click "Resolved" on the one blocker as `actor`; whether this click resolved it."""
    with database.session_factory.begin() as session:
        answer_id = session.scalars(select(StandupAnswer.id)).one()
        return resolve_blocker(
            session=session, answer_id=answer_id,
            actor=Actor(slack_user_id=actor, is_kickoff_admin=admin), now=NOW,
        ).resolved_now


def test_a_blocker_goes_to_the_manager_escaped_with_a_resolved_button(
    database: Database, world: World
) -> None:
    answer(database, world, "UKOL", INJECTION)
    answer(database, world, "USYD", None)
    with database.session_factory() as session:
        dms = deliveries(session, DeliveryKind.STANDUP_BLOCKER)
    assert [dm.channel for dm in dms] == ["UMGRA"]
    rendered = str(dms[0].blocks) + dms[0].text
    assert "&lt;!channel&gt;" in rendered
    assert "&lt;@U0CEO&gt; &amp; &lt;https://evil.example|this&gt;" in rendered
    assert "<!channel>" not in rendered
    assert "<@U0CEO>" not in rendered
    assert "standup_resolve_blocker" in str(dms[0].blocks)
    with database.session_factory() as session:
        assert open_blockers_by_manager(session=session, program_id=world.program_id) == {
            world.person_ids["UMGRA"]: 1
        }


def test_the_manager_resolves_once_and_the_rep_is_told(database: Database, world: World) -> None:
    answer(database, world, "UKOL", "Pricing approval")
    assert resolve(database, world, "UMGRA") is True
    assert resolve(database, world, "UMGRA") is False  # a double click changes nothing
    with database.session_factory() as session:
        told = deliveries(session, DeliveryKind.STANDUP_BLOCKER_RESOLVED)
        assert open_blockers_by_manager(session=session, program_id=world.program_id) == {}
    assert [dm.channel for dm in told] == ["UKOL"]
    assert "Priya Nair marked your blocker" in told[0].text


@pytest.mark.parametrize("actor", ["USYD", "UMGRW"])
def test_only_the_manager_or_an_admin_may_resolve(
    database: Database, world: World, actor: str
) -> None:
    answer(database, world, "UKOL", "Pricing approval")
    with pytest.raises(NotAllowed, match="manager or a program admin"):
        resolve(database, world, actor)
    assert resolve(database, world, PROGRAM_ADMIN) is True


def test_a_kickoff_admin_may_resolve(database: Database, world: World) -> None:
    answer(database, world, "UKOL", "Pricing approval")
    assert resolve(database, world, "UOUTSIDER", admin=True) is True


def test_editing_an_open_blocker_updates_the_managers_dm(database: Database, world: World) -> None:
    answer(database, world, "UKOL", "Pricing approval")
    mark_all_sent(database)
    answer(database, world, "UKOL", "Legal review", revision=1)
    answer(database, world, "UKOL", None, revision=2)
    with database.session_factory() as session:
        dms = deliveries(session, DeliveryKind.STANDUP_BLOCKER)
        assert open_blockers_by_manager(session=session, program_id=world.program_id) == {}
    first, edit, withdrawn = dms
    assert edit.update_key == first.key
    assert "Legal review" in str(edit.blocks)
    assert withdrawn.update_key == first.key
    assert "removed this blocker" in str(withdrawn.blocks)
    assert "standup_resolve_blocker" not in str(withdrawn.blocks)


def test_a_new_blocker_after_a_resolved_one_is_a_new_dm(database: Database, world: World) -> None:
    answer(database, world, "UKOL", "Pricing approval")
    resolve(database, world, "UMGRA")
    answer(database, world, "UKOL", "Now legal is stuck", revision=1)
    with database.session_factory() as session:
        dms = deliveries(session, DeliveryKind.STANDUP_BLOCKER)
        assert open_blockers_by_manager(session=session, program_id=world.program_id) == {
            world.person_ids["UMGRA"]: 1
        }
    assert [dm.update_key for dm in dms] == [None, None]
