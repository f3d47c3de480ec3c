"""The App Home's data: what each section of the viewer's home shows, gathered with a fixed
number of queries per section and program (the blocks are built in bot/blocks/home/)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy.orm import Session

from bot.domain.home import LIVE, HomeData
from bot.services.actor import Actor
from bot.services.certification.home import certification_home
from bot.services.home.admin import admin_view
from bot.services.home.enablement import enablement_view
from bot.services.home.leader import leader_view
from bot.services.home.manager import manager_view
from bot.services.home.rep import rep_view
from bot.services.home.surveys import surveys_to_answer
from bot.services.home.viewer import load_viewer
from bot.services.metrics.home import metrics_home
from bot.services.tiers.calibration_home import calibration_home
from db.models import ProgramStatus, Role

# Programs whose reps and managers have something to act on.
RUNNING = frozenset({ProgramStatus.ACTIVE, ProgramStatus.PAUSED})


def gather_home(
    *, session: Session, actor: Actor, kickoff_admins: Iterable[str], now: datetime
) -> HomeData:
    """The data of every section the actor's roles open, across their programs."""
    admins = tuple(kickoff_admins)
    viewer = load_viewer(session=session, slack_user_id=actor.slack_user_id,
                         is_kickoff_admin=actor.is_kickoff_admin)
    live = [m for m in viewer.memberships if m.program.status in LIVE]
    enablement = viewer.holding(Role.ENABLEMENT)
    return HomeData(
        viewer=viewer, now=now, kickoff_admins=admins,
        surveys=surveys_to_answer(session=session, memberships=live, now=now),
        reps=[rep_view(session=session, member=m, now=now)
              for m in viewer.holding(Role.REP) if m.program.status in RUNNING],
        managers=[manager_view(session=session, member=m, now=now)
                  for m in viewer.holding(Role.MANAGER) if m.program.status in RUNNING],
        enablement=enablement_view(
            session=session, workspace_id=enablement[0].program.workspace_id, actor=actor,
            programs=[m.program for m in enablement], now=now,
        ) if enablement else None,
        leaders=[leader_view(session=session, member=m) for m in viewer.holding(Role.LEADER)],
        admin=admin_view(session=session, viewer=viewer, now=now)
        if Role.ADMIN in viewer.roles else None,
        metrics=tuple(metrics_home(session=session, viewer=viewer, now=now)),
        calibration=tuple(calibration_home(session=session, viewer=viewer, now=now)),
        certifications=tuple(certification_home(session=session, viewer=viewer, now=now)),
    )
