"""The dispatcher's senders: threads that each take the next ready channel's head, wait for the
channel and for a token of the workspace's bucket, and send it.

How many run follows Little's law (scheduler/concurrency.py). A 429 pauses the bucket for every
process and cuts the rate and the width; a dead token stops the pass and the installation.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import update
from sqlalchemy.orm import Session, sessionmaker

from db.models import Workspace
from scheduler.bucket import SharedBucket
from scheduler.claims import Claimed
from scheduler.clock import AnchoredClock
from scheduler.concurrency import Concurrency
from scheduler.config import DispatchConfig
from scheduler.delivering import deliver, upload
from scheduler.flow import Flow
from scheduler.outcomes import Outcome, Retry
from scheduler.sending import InstallationDead, RateLimited, SlackSender
from scheduler.uploading import Uploading

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Pass:
    """One workspace's dispatcher pass: its clock, its rows in flight, its share of the bucket."""

    workspace: Workspace
    clock: AnchoredClock
    flow: Flow
    bucket: SharedBucket


class Senders:
    """The sending threads of one dispatcher, shared by its passes."""

    def __init__(
        self,
        *,
        sessions: sessionmaker[Session],
        sender: SlackSender,
        uploaders: Mapping[str, Uploading],
        config: DispatchConfig,
    ) -> None:
        self._sessions = sessions
        self._sender = sender
        self._uploaders = uploaders
        self._pool = ThreadPoolExecutor(config.lanes, thread_name_prefix="kickoff-send")
        self._concurrency = Concurrency(
            most=config.lanes, latency_guess=config.latency_guess, cut=config.rate_cut
        )

    def width(self, run: Pass) -> int:
        """How many senders the pass should have at work now."""
        return self._concurrency.width(run.bucket.rate)

    def start(self, run: Pass) -> None:
        """Start as many more senders as the width allows and there are ready channels for."""
        for _ in range(run.flow.enlist(self.width(run))):
            self._pool.submit(self._serve, run)

    def close(self) -> None:
        """Wait for the senders to finish, and stop."""
        self._pool.shutdown(wait=True)

    def _serve(self, run: Pass) -> None:
        """One sender: take the next ready channel's head and send it, until none is left."""
        while (taken := run.flow.next_item(self.width(run))) is not None:
            item, not_before = taken
            try:
                outcome, sent_at = self._send(run, item, not_before)
            except Exception:  # a sender must hand its row back whatever broke, or none ends
                log.exception("sending %s failed unexpectedly; this pass stops", item.key)
                run.flow.halt.set()
                outcome, sent_at = Retry(item), None
            run.flow.finish(item, outcome, sent_at)

    def _send(
        self, run: Pass, item: Claimed, not_before: datetime
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
