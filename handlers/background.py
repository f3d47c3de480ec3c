"""Work a listener hands off after its ack, run on threads of its own, never on Slack's listener
threads: a bulk import may take seconds, and those threads must stay free to ack."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

log = logging.getLogger(__name__)
_POOL = ThreadPoolExecutor(max_workers=2, thread_name_prefix="kickoff-background")


def in_background(job: Callable[[], None]) -> Future[None]:
    """Run `job` on a background thread; its failure is logged (type and traceback)."""

    def guarded() -> None:
        try:
            job()
        except Exception as error:
            log.error("background job failed: %s", type(error).__name__, exc_info=error)

    return _POOL.submit(guarded)
