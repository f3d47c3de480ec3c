"""Submissions racing each other in separate transactions: one answer, one thread parent."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import select

from bot.domain.kinds import DeliveryKind
from bot.domain.standups.fields import Field
from bot.services.standups.answer import Outcome, Submission, submit_answer
from bot.services.standups.turn import StandupTurn
from db.models import StandupAnswer
from tests.databases import Database
from tests.standup_world import World, build_world, deliveries, utc

NOW = utc(2027, 3, 12, 4, 30)  # Day 1 is open in Kolkata, Sydney and Chatham


@pytest.fixture
def world(database: Database) -> World:
    """The standup program, stored."""
    with database.session_factory.begin() as session:
        return build_world(session)


def race(database: Database, world: World, jobs: list[tuple[str, str]]) -> list[Submission]:
    """Submit (user, activity) pairs at the same moment, each in its own transaction."""
    barrier = threading.Barrier(len(jobs))

    def job(user: str, activity: str) -> Callable[[], Submission]:
        def run() -> Submission:
            barrier.wait()
            with database.session_factory.begin() as session:
                return submit_answer(
                    session=session,
                    turn=StandupTurn(
                        program_id=world.program_id,
                        rep_user_id=user,
                        actor_user_id=user,
                        number=1,
                        now=NOW,
                    ),
                    opened_revision=0,
                    raw={Field.ACTIVITY: activity, Field.WIN: "A win", Field.BLOCKER: None},
                )

        return run

    with ThreadPoolExecutor(len(jobs)) as pool:
        futures = [pool.submit(job(user, activity)) for user, activity in jobs]
        return [future.result(timeout=60) for future in futures]


def test_two_first_answers_of_different_reps_create_one_thread_parent(
    database: Database, world: World
) -> None:
    results = race(
        database, world, [("UKOL", "Call Acme"), ("USYD", "Call Globex"), ("UCHA", "Call Initech")]
    )
    assert {r.outcome for r in results} == {Outcome.CREATED}
    with database.session_factory() as session:
        assert len(deliveries(session, DeliveryKind.STANDUP_THREAD)) == 1
        assert len(deliveries(session, DeliveryKind.STANDUP_REPLY)) == 3


def test_two_submissions_of_one_rep_at_once_leave_one_answer(
    database: Database, world: World
) -> None:
    results = race(database, world, [("UKOL", "Call Acme"), ("UKOL", "Call Acme today")])
    outcomes = sorted(r.outcome for r in results if r.outcome is not None)
    assert outcomes == sorted([Outcome.CREATED, Outcome.REPLACED])
    with database.session_factory() as session:
        stored = session.scalars(select(StandupAnswer)).one()
        # The waiting reply was rewritten.
        assert len(deliveries(session, DeliveryKind.STANDUP_REPLY)) == 1
    assert stored.revision == 2
