"""APScheduler wiring, and nothing else: which job runs how often."""

from __future__ import annotations

import logging
from datetime import UTC

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from slack_sdk import WebClient
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import wall_time
from bot.features.registry import REGISTRY
from bot.settings import Settings
from scheduler.config import DispatchConfig
from scheduler.dispatcher import Dispatcher
from scheduler.people_sync import sync_people_with_slack
from scheduler.retention import purge_expired_programs

log = logging.getLogger(__name__)


def dispatch_config(settings: Settings) -> DispatchConfig:
    """The dispatcher's pace and lease, from the settings."""
    return DispatchConfig(
        per_minute=settings.send_per_minute,
        lanes=settings.send_concurrency,
        channel_interval=settings.channel_interval_seconds,
        lease_margin=settings.lease_seconds,
    )


def build_scheduler(
    *,
    settings: Settings,
    client: WebClient,
    session_factory: sessionmaker[Session],
    blocking: bool,
) -> BaseScheduler:
    """A scheduler with the plan, dispatch, daily people-sync and retention jobs (in-memory
    job store).

    Each process has its own jobs: the database (row claims and leases) keeps several processes
    from sending anything twice, so no job store is shared.
    """
    dispatcher = Dispatcher(
        session_factory=session_factory,
        client=client,
        planners=REGISTRY.planners(settings),
        config=dispatch_config(settings),
    )
    scheduler: BaseScheduler = (
        BlockingScheduler(timezone=UTC) if blocking else BackgroundScheduler(timezone=UTC)
    )
    # APScheduler times its jobs on the wall clock; what a job does happens on kickoff-bot's.
    common = {"max_instances": 1, "coalesce": True, "next_run_time": wall_time()}
    scheduler.add_job(
        lambda: dispatcher.plan(now=dispatcher.clock.now()),
        "interval",
        seconds=settings.plan_interval_seconds,
        id="plan",
        **common,
    )
    scheduler.add_job(
        lambda: dispatcher.dispatch(now=dispatcher.clock.now()),
        "interval",
        seconds=settings.dispatch_interval_seconds,
        id="dispatch",
        **common,
    )
    scheduler.add_job(
        lambda: sync_people_with_slack(client=client, session_factory=session_factory),
        "interval",
        hours=24,
        id="people-sync",
        **common,
    )
    scheduler.add_job(
        lambda: purge_expired_programs(session_factory=session_factory, clock=dispatcher.clock),
        "interval",
        hours=24,
        id="retention",
        **common,
    )
    return scheduler
