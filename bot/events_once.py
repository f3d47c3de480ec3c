"""Events handled once: Bolt middleware that skips an event_callback whose event_id was seen.

Slack re-sends an event (with `X-Slack-Retry-Num`) when it thinks the first delivery failed; the
re-send is answered 200, so Slack stops retrying, and no listener runs for it again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App, BoltContext, BoltRequest, BoltResponse

from bot.deps import deps_of
from bot.services.events import record_event

log = logging.getLogger(__name__)


def install_events_once(app: App) -> None:
    """Register the middleware (after `install_deps`, whose Deps it uses)."""
    app.middleware(skip_resent_events)


def skip_resent_events(
    body: dict[str, Any], request: BoltRequest, context: BoltContext, ack: Ack,
    next: Callable[[], BoltResponse],  # Bolt injects arguments by name
) -> BoltResponse:
    """Let an event through the first time its event_id arrives; acknowledge re-sends only."""
    event_id = body.get("event_id") if body.get("type") == "event_callback" else None
    if not event_id:
        return next()
    deps = deps_of(context)
    with deps.session_factory.begin() as session:
        first = record_event(session=session, event_id=str(event_id), now=deps.clock.now())
    if first:
        return next()
    retry = request.headers.get("x-slack-retry-num", ["?"])[0]
    log.info("event %s already handled; Slack's re-send (retry %s) acknowledged", event_id, retry)
    return ack()
