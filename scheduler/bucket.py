"""The workspace's send tokens: one token bucket in the database, shared by every process and
taken at send time, so late sends are paced again and several workers never exceed the rate.

The bucket lives on a pace row of its own (`bucket:T…`): `tokens` at `updated_at`, refilling at
`rate` a second up to one token (no burst: sends are spread evenly, which a strict one-second
window at Slack needs). Taking locks the row (an upsert: PostgreSQL's row lock, SQLite's write
lock), so the arithmetic below is never run by two processes on the same values. Tokens may go
below zero: a token promised for later. A 429 cuts the rate (`cut_rate`); each second it climbs
back by a share of the ceiling (additive increase), up to `DispatchConfig.per_minute`.
"""

from __future__ import annotations

import logging
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import case, func, or_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session, sessionmaker

from db.models import SendPace
from scheduler.clock import AnchoredClock
from scheduler.config import DispatchConfig

log = logging.getLogger(__name__)
BURST = 1.0  # tokens the bucket holds at most
GRANT_SECONDS = 0.25  # a process takes about this much of the rate's tokens per transaction
GRANT_MOST = 32
# A token used later than this after its instant is dropped: a process that stalled (a busy CPU)
# would otherwise send every token it missed at once, a burst a strict window answers with 429s.
STALE = timedelta(milliseconds=20)
# A token may be used this much before its instant (never before a pause ends): a busy CPU wakes
# threads late rather than early, and early by this little never crowds a one-second window.
EARLY = timedelta(milliseconds=10)


@dataclass(frozen=True)
class Grant:
    """Tokens taken: the instant each may be used, none before `start` (a pause's end), and the
    bucket's rate (tokens a second)."""

    at: list[datetime]
    start: datetime
    rate: float


def take_tokens(
    session: Session,
    *,
    key: str,
    count: int,
    clock: Callable[[], datetime],
    config: DispatchConfig,
) -> Grant:
    """Take `count` tokens from the bucket on the pace row `key` (created full if missing).

    The time is read once the row is locked, so waiting for another process's lock does not make
    the first token late before it is even handed out."""
    ceiling = config.per_minute / 60.0
    insert = pace_insert(session).values(key=key, next_at=clock())
    statement = insert.on_conflict_do_update(
        index_elements=["key"], set_={"key": insert.excluded.key}
    ).returning(SendPace.tokens, SendPace.updated_at, SendPace.rate, SendPace.paused_until)
    tokens, updated_at, rate, paused_until = session.execute(statement).one()
    now = clock()
    base = max(now, paused_until or now, updated_at or now)
    elapsed = (base - (updated_at or base)).total_seconds()
    # The rate climbs back from the end of a pause, not during it.
    climbed = (base - max(updated_at or base, paused_until or base)).total_seconds()
    rate = min(ceiling, (rate or ceiling) + config.rate_climb * ceiling * climbed)
    rate = max(rate, config.rate_floor * ceiling)
    tokens = min(BURST, (BURST if tokens is None else tokens) + rate * elapsed)
    at = [base + timedelta(seconds=max(0.0, (n + 1 - tokens) / rate)) for n in range(count)]
    session.execute(
        update(SendPace)
        .where(SendPace.key == key)
        .values(tokens=tokens - count, updated_at=base, rate=rate)
    )
    return Grant(at=at, start=base, rate=rate)


def bucket_key(team_id: str) -> str:
    """The pace row holding a workspace's bucket: a row of its own, apart from the one claims
    lock (`workspace:T…`), so taking tokens never waits for another process's claim."""
    return f"bucket:{team_id}"


def cut_rate(
    session: Session, *, team_id: str, until: datetime, now: datetime, config: DispatchConfig
) -> None:
    """Pause the workspace until `until` (a Retry-After: its bucket, and its claims) and cut the
    bucket's rate, once per pause: the other sends in flight when Slack said 429 answer 429 too,
    and must not cut it again."""
    fresh = or_(SendPace.paused_until.is_(None), SendPace.paused_until <= now)
    rate = func.coalesce(SendPace.rate, config.per_minute / 60.0)
    session.execute(
        update(SendPace)
        .where(SendPace.key == bucket_key(team_id))
        .values(paused_until=until, rate=case((fresh, rate * config.rate_cut), else_=rate))
    )
    session.execute(
        update(SendPace)
        .where(SendPace.key == f"workspace:{team_id}")
        .values(paused_until=until, next_at=until)  # claims restart from the pause's end too
    )


def pace_insert(session: Session) -> Any:
    """An INSERT into the pace table in the session's dialect (for its upsert)."""
    if session.get_bind().dialect.name == "postgresql":
        return postgresql.insert(SendPace)
    return sqlite.insert(SendPace)


class SharedBucket:
    """This process's side of one workspace's bucket: tokens taken a few per transaction and
    handed out one per send; a 429 seen here drops what is held and waits out the pause."""

    def __init__(
        self,
        *,
        sessions: sessionmaker[Session],
        team_id: str,
        clock: AnchoredClock,
        config: DispatchConfig,
    ) -> None:
        self._sessions = sessions
        self._team_id = team_id
        self._key = bucket_key(team_id)
        self._clock = clock
        self._config = config
        self._changed = threading.Condition()
        self._held: deque[tuple[datetime, datetime]] = deque()  # (instant, not before)
        self._taking = False  # a sender is taking the next grant from the database
        self._paused_until = clock.now()
        self.rate = config.per_minute / 60.0
        self._grant_size = grant_size(self.rate)

    def take(self, halt: threading.Event) -> bool:
        """Wait for a token; False when `halt` was set meanwhile (the token is then not used)."""
        while True:
            at, start = self._next()
            if self._clock.wait_until(halt, max(at - EARLY, start)):
                return False
            now = self._clock.now()
            # Else a 429 came back while waiting (take a token after the pause), or it is stale.
            if now >= self._paused_until and now - at <= STALE:
                return True

    def _next(self) -> tuple[datetime, datetime]:
        """The next held token. The grant after it is taken while half of this one is still
        held, by one sender and outside the lock, so the database's time (a busy SQLite's write
        lock, a PostgreSQL round trip) is hidden behind the sends still held instead of making
        every sender wait and the next token late."""
        while True:
            with self._changed:
                low = len(self._held) <= self._grant_size // 2
                if self._held and (not low or self._taking):
                    return self._held.popleft()
                if self._taking:  # none held: wait for the grant another sender is taking
                    self._changed.wait_for(lambda: bool(self._held) or not self._taking)
                    continue
                self._taking = True
                token = self._held.popleft() if self._held else None
            try:
                self._refill()
            finally:
                with self._changed:
                    self._taking = False
                    self._changed.notify_all()
            if token is not None:
                return token

    def throttled(self, retry_after: float) -> None:
        """Slack answered 429: pause every process's sends and cut the shared rate."""
        now = self._clock.now()
        until = now + timedelta(seconds=retry_after)
        with self._changed:
            self._held.clear()
            self._paused_until = max(self._paused_until, until)
        with self._sessions.begin() as session:
            cut_rate(session, team_id=self._team_id, until=until, now=now, config=self._config)
        log.warning(
            "Slack answered 429 for workspace %s: every process waits %.0f s, then sends at "
            "about %.0f a minute and climbs back towards SEND_PER_MINUTE",
            self._team_id, retry_after, self.rate * 60 * self._config.rate_cut,
        )

    def _refill(self) -> None:
        with self._sessions.begin() as session:
            grant = take_tokens(
                session, key=self._key, count=self._grant_size, clock=self._clock.now,
                config=self._config,
            )
        with self._changed:
            self._held.extend((at, grant.start) for at in grant.at)
            self.rate = grant.rate
            self._grant_size = grant_size(grant.rate)


def grant_size(rate: float) -> int:
    """Tokens taken per transaction at `rate` a second: about GRANT_SECONDS' worth, two at least
    (the second one's instant is ahead, waited for here and not on the database)."""
    return max(2, min(GRANT_MOST, int(rate * GRANT_SECONDS)))
