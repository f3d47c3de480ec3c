"""The dispatcher: plans, claims and sends outbox rows, exactly once and paced.

`tick(now)` plans with every planner, then sends everything due until nothing due is left, as one
continuous pipeline per workspace: rows are claimed ahead while earlier ones are being sent, any
free sender takes the next ready channel (a channel is served by one sender at a time, so its
messages keep their order), each send takes a token of the workspace's shared bucket just before
it goes, and outcomes are written back a small group at a time. How many senders run follows
Little's law (scheduler/concurrency.py); a 429 pauses every process for its Retry-After and cuts
the rate and the concurrency, which then climb back.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from slack_sdk import WebClient
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock, system_clock
from bot.services.planner import Planner
from db.models import Workspace
from scheduler.bucket import SharedBucket
from scheduler.claims import Batch, claim_batch
from scheduler.clock import AnchoredClock
from scheduler.config import DispatchConfig
from scheduler.flow import Flow
from scheduler.housekeeping import housekeep
from scheduler.outcomes import Failed, Outcome, Retry, Sent, Uploaded, record_outcomes
from scheduler.planning import plan_all
from scheduler.senders import Pass, Senders
from scheduler.sending import SlackSender
from scheduler.uploading import record_uploads, uploaders_of

CLAIM_AHEAD = 2.0  # seconds of sending at the current rate kept claimed and queued
RECORD_AFTER = 0.5  # seconds at most an outcome waits to be written back while sending


@dataclass
class TickResult:
    """What one tick did."""

    planned: int = 0
    sent: int = 0
    uploaded: int = 0  # deliveries whose files were uploaded
    failed: int = 0
    retried: int = 0  # attempts whose outcome was unknown: reconciled, then tried again
    rate_limited: int = 0  # 429s answered by Slack
    expired: int = 0
    reclaimed: int = 0
    stopped: list[str] = field(default_factory=list)

    def count(self, outcomes: list[Outcome]) -> None:
        """Add written-back outcomes to the figures."""
        self.sent += sum(isinstance(o, Sent) for o in outcomes)
        self.uploaded += sum(isinstance(o, Uploaded) for o in outcomes)
        self.retried += sum(isinstance(o, Retry) and o.error is not None for o in outcomes)
        self.rate_limited += sum(isinstance(o, Retry) and o.rate_limited for o in outcomes)
        self.failed += sum(isinstance(o, Failed) for o in outcomes)


class Dispatcher:
    """Sends the outbox. Safe to run in several processes against one database."""

    def __init__(
        self,
        *,
        session_factory: sessionmaker[Session],
        client: WebClient,
        planners: Sequence[Planner],
        config: DispatchConfig | None = None,
        clock: Clock | None = None,
    ) -> None:
        self._sessions = session_factory
        self.clock = clock or system_clock()
        self._planners = list(planners)
        self._uploaders = uploaders_of(self._planners)
        self.config = config or DispatchConfig()
        self._senders = Senders(
            sessions=session_factory,
            sender=SlackSender(client),
            uploaders=self._uploaders,
            config=self.config,
        )
        self._identity = uuid.uuid4().hex[:12]

    def tick(self, *, now: datetime) -> TickResult:
        """Plan, then send everything due at `now` (time then runs on from `now` on the clock)."""
        result = TickResult(planned=self.plan(now=now))
        self._send_due(AnchoredClock(now, self.clock), result)
        return result

    def plan(self, *, now: datetime) -> int:
        """Run every planner; returns how many rows were added."""
        with self._sessions.begin() as session:
            return plan_all(session, self._planners, now=now).added

    def dispatch(self, *, now: datetime) -> TickResult:
        """Send everything due at `now` without planning (the frequent job)."""
        result = TickResult()
        self._send_due(AnchoredClock(now, self.clock), result)
        return result

    def close(self) -> None:
        """Stop the senders."""
        self._senders.close()

    def _send_due(self, clock: AnchoredClock, result: TickResult) -> None:
        self._housekeep(clock.now(), result)
        with self._sessions() as session:
            workspaces = list(
                session.scalars(select(Workspace).where(Workspace.sending_stopped.is_(None)))
            )
        for workspace in workspaces:
            bucket = SharedBucket(
                sessions=self._sessions,
                team_id=workspace.team_id,
                clock=clock,
                config=self.config,
            )
            flow = Flow(self.config.channel_interval)
            self._drain(Pass(workspace, clock, flow, bucket), result)

    def _housekeep(self, now: datetime, result: TickResult) -> None:
        with self._sessions.begin() as session:
            expired, reclaimed = housekeep(session, now)
        result.expired += expired
        result.reclaimed += reclaimed

    def _drain(self, run: Pass, result: TickResult) -> None:
        """Claim, send and record until nothing due is left (or sending stopped)."""
        next_claim: datetime | None = run.clock.now()
        while True:
            if run.flow.halt.is_set():
                run.flow.take_back()
            else:
                next_claim = self._top_up(run, next_claim)
                self._senders.start(run)
            if not run.flow.idle():
                run.flow.wait(self.config.record_every, RECORD_AFTER)
                if self._record(run, result):
                    next_claim = next_claim or run.clock.now()
                continue
            # What was written may free rows (a thread's parent was sent): claim again.
            if self._record(run, result):
                next_claim = run.clock.now()
            elif run.flow.halt.is_set() or next_claim is None:
                break
            else:
                run.clock.sleep_until(next_claim)
        if run.flow.dead:
            result.stopped.append(run.workspace.team_id)

    def _top_up(self, run: Pass, next_claim: datetime | None) -> datetime | None:
        """Claim more rows when the queue runs low; returns when to try claiming next (None:
        nothing is due until something is written back)."""
        now = run.clock.now()
        target = max(2 * self._senders.width(run), math.ceil(run.bucket.rate * CLAIM_AHEAD))
        if next_claim is None or now < next_claim or 2 * run.flow.queued >= target:
            return next_claim
        batch = self._claim(run.workspace, now, target - run.flow.queued)
        run.flow.add(batch.items)
        if batch.items:
            return now
        if batch.paused_until is not None:
            return batch.paused_until
        return now + timedelta(seconds=self._shortest_wait()) if batch.waiting else None

    def _claim(self, workspace: Workspace, now: datetime, limit: int) -> Batch:
        token = f"{self._identity}-{uuid.uuid4().hex[:12]}"
        with self._sessions.begin() as session:
            return claim_batch(
                session,
                workspace_id=workspace.id,
                team_id=workspace.team_id,
                token=token,
                now=now,
                config=self.config,
                limit=limit,
            )

    def _record(self, run: Pass, result: TickResult) -> bool:
        """Write back the outcomes gathered so far; False when there were none."""
        outcomes = run.flow.outcomes()
        if not outcomes:
            return False
        with self._sessions.begin() as session:
            record_outcomes(
                session, outcomes, now=run.clock.now(), backoff=self.config.retry_backoff
            )
            record_uploads(session, self._uploaders, outcomes)
        result.count(outcomes)
        return True

    def _shortest_wait(self) -> float:
        return min(self.config.channel_interval, 60.0 / self.config.per_minute, 1.0) or 0.01
