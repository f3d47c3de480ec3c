"""The workspace's shared token bucket: taken at send time, one pace for every process."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.clock import VirtualClock
from db.models import SendPace
from scheduler.bucket import BURST, SharedBucket, bucket_key, cut_rate, grant_size, take_tokens
from scheduler.clock import AnchoredClock
from scheduler.config import DispatchConfig
from tests.databases import Database

NOW = datetime(2027, 3, 10, 9, tzinfo=UTC)
KEY = bucket_key("T0KICKOFF")
CONFIG = DispatchConfig(per_minute=600)  # ten a second: a token every 100 ms


def take(database: Database, count: int, now: datetime = NOW) -> list[datetime]:
    """Take `count` tokens in a transaction of its own, as a process does."""
    with database.session_factory.begin() as session:
        return take_tokens(session, key=KEY, count=count, clock=lambda: now, config=CONFIG).at


def test_tokens_are_spread_evenly_at_the_rate(database: Database) -> None:
    assert take(database, 3) == [NOW + timedelta(seconds=n / 10) for n in range(3)]


def test_a_second_process_takes_the_tokens_after_the_first_ones(database: Database) -> None:
    take(database, 3)
    # Another process asking at the same instant is given the next instants, not the same ones.
    assert take(database, 2) == [NOW + timedelta(seconds=0.3), NOW + timedelta(seconds=0.4)]


def test_a_send_asking_late_is_paced_from_then_not_in_a_burst(database: Database) -> None:
    take(database, 1)
    later = NOW + timedelta(seconds=5)
    # Five seconds idle bank one token only: the second send waits a full interval.
    assert take(database, 2, later) == [later, later + timedelta(seconds=0.1)]


def test_a_429_pauses_the_bucket_and_cuts_its_rate_once(database: Database) -> None:
    take(database, 1)
    until = NOW + timedelta(seconds=2)
    for _ in range(3):  # three sends in flight came back 429 together: one cut
        with database.session_factory.begin() as session:
            cut_rate(session, team_id="T0KICKOFF", until=until, now=NOW, config=CONFIG)
    first, second = take(database, 2)
    assert first == until
    assert second - first == timedelta(seconds=1 / 7)  # 70 % of ten a second


def test_after_a_cut_the_rate_climbs_back_a_tenth_of_the_ceiling_a_second(
    database: Database,
) -> None:
    take(database, 1)
    with database.session_factory.begin() as session:
        cut_rate(session, team_id="T0KICKOFF", until=NOW, now=NOW, config=CONFIG)
    with database.session_factory.begin() as session:
        later = NOW + timedelta(seconds=2)
        grant = take_tokens(session, key=KEY, count=1, clock=lambda: later, config=CONFIG)
    assert round(grant.rate, 6) == 9.0  # 7 a second, plus 1 a second for each of two seconds


def test_a_process_takes_its_next_grant_while_half_of_the_current_one_is_held(
    database: Database,
) -> None:
    config = DispatchConfig(per_minute=6000)  # a hundred a second: 25 tokens a grant
    bucket = SharedBucket(sessions=database.session_factory, team_id="T0KICKOFF",
                          clock=AnchoredClock(NOW, VirtualClock(NOW)), config=config)
    size = grant_size(100.0)
    halt = threading.Event()

    def promised_until() -> datetime:
        """The instant up to which the bucket has handed out tokens, to every process."""
        with database.session_factory() as session:
            tokens, updated_at = session.execute(
                select(SendPace.tokens, SendPace.updated_at).where(SendPace.key == KEY)
            ).one()
        assert tokens is not None  # a grant was taken
        assert updated_at is not None
        return updated_at + timedelta(seconds=(BURST - tokens) / 100)

    taken = 0
    while taken < size and (taken == 0 or promised_until() == NOW + timedelta(seconds=0.25)):
        assert bucket.take(halt)
        taken += 1
    assert promised_until() == NOW + timedelta(seconds=0.5)  # the second grant
    assert size - taken == size // 2 - 1  # taken while half of the first was still held
