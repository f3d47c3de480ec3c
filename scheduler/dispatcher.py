"""The dispatcher: plans, claims and sends outbox rows, exactly once and paced.

`tick(now)` plans with every planner, then sends everything due, batch after batch, until nothing
due is left. Each batch is sent on a few lanes (one channel always on the same lane, so a channel's
messages keep their order); outcomes are written back once per batch.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from slack_sdk import WebClient
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock, system_clock
from bot.services.planner import Planner
from db.models import Delivery, DeliveryStatus, Workspace
from scheduler.claims import Batch, Claimed, claim_batch
from scheduler.clock import AnchoredClock
from scheduler.config import DispatchConfig
from scheduler.delivering import deliver, upload
from scheduler.outcomes import (
    Failed,
    Outcome,
    Retry,
    Sent,
    Uploaded,
    pause_workspace,
    record_outcomes,
)
from scheduler.planning import plan_all
from scheduler.sending import InstallationDead, RateLimited, SlackSender
from scheduler.uploading import record_uploads, uploaders_of

log = logging.getLogger(__name__)
# After a 429, send one request at a time for this long.
CAUTIOUS_AFTER_429 = timedelta(minutes=1)


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
class _BatchState:
    """Shared by the lanes of one batch: stop sending (a 429 or a dead token), and why."""

    halt: threading.Event = field(default_factory=threading.Event)
    dead: str | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def mark_dead(self, error: str) -> bool:
        """Stop the batch for a dead installation; True for the first lane to see it."""
        self.halt.set()
        with self.lock:
            first, self.dead = self.dead is None, self.dead or error
        return first


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
        self._lanes = ThreadPoolExecutor(self.config.lanes, thread_name_prefix="kickoff-send")
        self._identity = uuid.uuid4().hex[:12]
        self._cautious_until = datetime.min.replace(tzinfo=UTC)

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
        """Stop the sending lanes."""
        self._lanes.shutdown(wait=True)

    def _send_due(self, clock: AnchoredClock, result: TickResult) -> None:
        self._housekeep(clock.now(), result)
        with self._sessions() as session:
            workspaces = list(
                session.scalars(select(Workspace).where(Workspace.sending_stopped.is_(None)))
            )
        for workspace in workspaces:
            self._drain(workspace, clock, result)

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

    def _drain(self, workspace: Workspace, clock: AnchoredClock, result: TickResult) -> None:
        while True:
            batch = self._claim(workspace, clock.now())
            if batch.items:
                if not self._send_batch(workspace, batch.items, clock, result):
                    return
            elif batch.paused_until is not None:
                clock.sleep_until(batch.paused_until)
            elif batch.waiting:
                clock.sleep_until(clock.now() + timedelta(seconds=self._shortest_wait()))
            else:
                return

    def _claim(self, workspace: Workspace, now: datetime) -> Batch:
        token = f"{self._identity}-{uuid.uuid4().hex[:12]}"
        with self._sessions.begin() as session:
            return claim_batch(
                session,
                workspace_id=workspace.id,
                team_id=workspace.team_id,
                token=token,
                now=now,
                config=self.config,
            )

    def _send_batch(
        self, workspace: Workspace, items: list[Claimed], clock: AnchoredClock, result: TickResult
    ) -> bool:
        """Send one batch; False when the installation turned out dead."""
        state = _BatchState()
        # Lately rate-limited: one lane, so no request is in flight when a 429 comes back.
        width = 1 if clock.now() < self._cautious_until else self.config.lanes
        lanes: dict[int, list[Claimed]] = {}
        for item in sorted(items, key=lambda claimed: claimed.slot):
            lanes.setdefault(hash(item.channel) % width, []).append(item)
        futures = [
            self._lanes.submit(self._run_lane, workspace, lane, clock, state)
            for lane in lanes.values()
        ]
        outcomes = [outcome for future in futures for outcome in future.result()]
        with self._sessions.begin() as session:
            record_outcomes(session, outcomes, now=clock.now(), backoff=self.config.retry_backoff)
            record_uploads(session, self._uploaders, outcomes)
        result.sent += sum(isinstance(o, Sent) for o in outcomes)
        result.uploaded += sum(isinstance(o, Uploaded) for o in outcomes)
        result.retried += sum(isinstance(o, Retry) and o.error is not None for o in outcomes)
        rate_limited = sum(isinstance(o, Retry) and o.rate_limited for o in outcomes)
        if rate_limited:
            self._cautious_until = clock.now() + CAUTIOUS_AFTER_429
        result.rate_limited += rate_limited
        result.failed += sum(isinstance(o, Failed) for o in outcomes)
        if state.dead:
            result.stopped.append(workspace.team_id)
        return not state.dead

    def _run_lane(
        self,
        workspace: Workspace,
        items: list[Claimed],
        clock: AnchoredClock,
        state: _BatchState,
    ) -> list[Outcome]:
        outcomes: list[Outcome] = []
        for item in items:
            # Read after the wait as well: a 429 may have come back on another lane meanwhile.
            if clock.wait_until(state.halt, item.slot):
                outcomes.append(Retry(item))
                continue
            try:
                outcomes.append(self._deliver(item, clock.now()))
            except RateLimited as exc:
                state.halt.set()
                with self._sessions.begin() as session:
                    pause_workspace(
                        session,
                        workspace.team_id,
                        clock.now() + timedelta(seconds=exc.retry_after),
                    )
                outcomes.append(Retry(item, rate_limited=True))
            except InstallationDead as exc:
                if state.mark_dead(exc.error):
                    self._stop_installation(workspace, exc.error)
                outcomes.append(Retry(item))
        return outcomes

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
