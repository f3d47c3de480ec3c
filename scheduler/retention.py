"""The daily retention job: programs whose retention has run out are purged."""

from __future__ import annotations

import logging

from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock
from bot.features.registry import REGISTRY
from bot.services.erasure.retention import purge_due_programs

log = logging.getLogger(__name__)


def purge_expired_programs(*, session_factory: sessionmaker[Session], clock: Clock) -> int:
    """Purge what is due in one transaction; how many programs were purged."""
    with session_factory.begin() as session:
        purged = purge_due_programs(session=session, columns=REGISTRY.personal_data(),
                                    now=clock.now())
        for program in purged:
            log.info("personal data of program %r purged (retention %s days after it ended)",
                     program.name, program.retention_days)
        return len(purged)
