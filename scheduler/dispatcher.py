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

import logging
import math
import uuid
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from slack_sdk import WebClient
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock, system_clock
from bot.services.planner import Planner
from db.models import Delivery, DeliveryStatus, Workspace
from scheduler.bucket import SharedBucket
from scheduler.claims import Batch, Claimed, claim_batch
from scheduler.clock import AnchoredClock
from scheduler.concurrency import Concurrency
from scheduler.config import DispatchConfig
from scheduler.delivering import deliver, upload
from scheduler.flow import Flow
from scheduler.outcomes import Failed, Outcome, Retry, Sent, Uploaded, record_outcomes
from scheduler.planning import plan_all
from scheduler.sending import InstallationDead, RateLimited, SlackSender
from scheduler.uploading import record_uploads, uploaders_of

log = logging.getLogger(__name__)
CLAIM_AHEAD = 2.0  # seconds of sending at the current rate kept claimed and queued
RECORD_AFTER = 0.25  # seconds at most an outcome waits to be written back while sending


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


@dataclass
class _Run:
    """One workspace's pass: its clock, its rows in flight and its share of the bucket."""

    workspace: Workspace
    clock: AnchoredClock
    flow: Flow
    bucket: SharedBucket
    result: TickResult


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
        self._sender = SlackSender(client)
        self._planners = list(planners)
        self._uploaders = uploaders_of(self._planners)
        self.config = config or DispatchConfig()
        self._senders = ThreadPoolExecutor(self.config.lanes, thread_name_prefix="kickoff-send")
        config = self.config
        self._concurrency = Concurrency(
            most=config.lanes, latency_guess=config.latency_guess, cut=config.rate_cut
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
        self._senders.shutdown(wait=True)

    def _send_due(self, clock: AnchoredClock, result: TickResult) -> None:
        self._housekeep(clock.now(), result)
        with self._sessions() as session:
            workspaces = list(
                session.scalars(select(Workspace).where(Workspace.sending_stopped.is_(None)))
            )
        for workspace in workspaces:
            bucket = SharedBucket(
                sessions=self._sessions,
                key=f"workspace:{workspace.team_id}",
                clock=clock,
                config=self.config,
            )
            self._drain(_Run(workspace, clock, Flow(self.config.channel_interval), bucket, result))

    def _housekeep(self, now: datetime, result: TickResult) -> None:
        """Expire rows whose window closed; take back claims whose lease ran out (a crash)."""
        with self._sessions.begin() as session:
            expired = session.execute(
                update(Delivery)
                .where(Delivery.status == DeliveryStatus.PLANNED, Delivery.window_end <= now)
                .values(status=DeliveryStatus.EXPIRED, error="its send window closed")
            )
            reclaimed = session.execute(
                update(Delivery)
                .where(Delivery.status == DeliveryStatus.CLAIMED, Delivery.lease_until <= now)
                .values(status=DeliveryStatus.PLANNED, uncertain=True, claim_token=None)
            )
        result.expired += int(getattr(expired, "rowcount", 0) or 0)
        result.reclaimed += int(getattr(reclaimed, "rowcount", 0) or 0)

    def _drain(self, run: _Run) -> None:
        """Claim, send and record until nothing due is left (or sending stopped)."""
        next_claim: datetime | None = run.clock.now()
        while True:
            if run.flow.halt.is_set():
                run.flow.take_back()
            else:
                next_claim = self._top_up(run, next_claim)
                for _ in range(run.flow.enlist(self._width(run))):
                    self._senders.submit(self._serve, run)
            if not run.flow.idle():
                run.flow.wait(self.config.record_every, RECORD_AFTER)
                if self._record(run):
                    next_claim = next_claim or run.clock.now()
                continue
            if self._record(run):  # what was written may free rows (a thread's parent was sent)
                next_claim = run.clock.now()
            elif run.flow.halt.is_set() or next_claim is None:
                break
            else:
                run.clock.sleep_until(next_claim)
        if run.flow.dead:
            run.result.stopped.append(run.workspace.team_id)

    def _top_up(self, run: _Run, next_claim: datetime | None) -> datetime | None:
        """Claim more rows when the queue runs low; returns when to try claiming next (None:
        nothing is due until something is written back)."""
        now = run.clock.now()
        target = max(2 * self._width(run), math.ceil(run.bucket.rate * CLAIM_AHEAD))
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

    def _width(self, run: _Run) -> int:
        return self._concurrency.width(run.bucket.rate)

    def _serve(self, run: _Run) -> None:
        """One sender: take the next ready channel's head and send it, until none is left."""
        while (taken := run.flow.next_item(self._width(run))) is not None:
            item, not_before = taken
            try:
                outcome, sent_at = self._send(run, item, not_before)
            except Exception:  # a sender must hand its row back whatever broke, or none ends
                log.exception("sending %s failed unexpectedly; this pass stops", item.key)
                run.flow.halt.set()
                outcome, sent_at = Retry(item), None
            run.flow.finish(item, outcome, sent_at)

    def _send(
        self, run: _Run, item: Claimed, not_before: datetime
    ) -> tuple[Outcome, datetime | None]:
        """Wait for the channel and a token, then send; the outcome and when it went."""
        halt, clock = run.flow.halt, run.clock
        if halt.is_set() or clock.wait_until(halt, not_before) or not run.bucket.take(halt):
            return Retry(item), None
        now = clock.now()
        if now >= item.lease_until:  # held too long: the claim may be another process's now
            return Retry(item), None
        try:
            outcome = self._deliver(item, now)
        except RateLimited as exc:
            self._concurrency.throttled()
            run.bucket.throttled(exc.retry_after)
            return Retry(item, rate_limited=True), now
        except InstallationDead as exc:
            if run.flow.mark_dead(exc.error):
                self._stop_installation(run.workspace, exc.error)
            return Retry(item), None
        self._concurrency.answered((clock.now() - now).total_seconds())
        return outcome, now

    def _record(self, run: _Run) -> bool:
        """Write back the outcomes gathered so far; False when there were none."""
        outcomes = run.flow.outcomes()
        if not outcomes:
            return False
        with self._sessions.begin() as session:
            record_outcomes(
                session, outcomes, now=run.clock.now(), backoff=self.config.retry_backoff
            )
            record_uploads(session, self._uploaders, outcomes)
        result = run.result
        result.sent += sum(isinstance(o, Sent) for o in outcomes)
        result.uploaded += sum(isinstance(o, Uploaded) for o in outcomes)
        result.retried += sum(isinstance(o, Retry) and o.error is not None for o in outcomes)
        result.rate_limited += sum(isinstance(o, Retry) and o.rate_limited for o in outcomes)
        result.failed += sum(isinstance(o, Failed) for o in outcomes)
        return True

    def _deliver(self, item: Claimed, now: datetime) -> Outcome:
        """Post `item`, or upload its files if its kind is an upload."""
        uploader = self._uploaders.get(item.kind)
        if uploader is None:
            return deliver(self._sender, item, now)
        with self._sessions() as session:
            files = uploader.files_for(session=session, key=item.key)
        return upload(self._sender, item, files, now)

    def _stop_installation(self, workspace: Workspace, error: str) -> None:
        log.error(
            "Slack answered %s for workspace %s: sending stopped, rows kept. "
            "Fix the token and restart kickoff-bot.",
            error,
            workspace.team_id,
        )
        with self._sessions.begin() as session:
            session.execute(
                update(Workspace).where(Workspace.id == workspace.id).values(sending_stopped=error)
            )

    def _shortest_wait(self) -> float:
        return min(self.config.channel_interval, 60.0 / self.config.per_minute, 1.0) or 0.01
