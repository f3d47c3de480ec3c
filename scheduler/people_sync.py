"""The daily sync of people with Slack's member list (users.list, every page)."""

from __future__ import annotations

import logging

from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.services.people import SyncReport, sync_people
from bot.slack.directory import list_members
from db.models import Workspace

log = logging.getLogger(__name__)
RATE_LIMIT_RETRIES = 10


def sync_people_with_slack(
    *, client: WebClient, session_factory: sessionmaker[Session]
) -> SyncReport:
    """Read every page of users.list, then apply it to the token's workspace in one transaction.

    A failed page raises before anything is written, so people are only judged on a full list.
    """
    client = _waiting_out_rate_limits(client)
    team_id = str(client.auth_test()["team_id"])
    users = list_members(client)
    with session_factory.begin() as session:
        workspace_id = session.scalar(select(Workspace.id).where(Workspace.team_id == team_id))
        if workspace_id is None:
            return SyncReport()
        report = sync_people(session=session, workspace_id=workspace_id, users=users)
    log.info("people synced with Slack: %s", report)
    return report


def _waiting_out_rate_limits(client: WebClient) -> WebClient:
    """A client like `client` that waits out HTTP 429 (users.list allows about 20 calls a minute).

    A copy, so the dispatcher's client, which handles 429 itself, is left as it was.
    """
    return WebClient(
        token=client.token,
        base_url=client.base_url,
        timeout=client.timeout,
        retry_handlers=[
            *client.retry_handlers,
            RateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES),
        ],
    )
