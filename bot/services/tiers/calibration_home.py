"""The App Home's calibration section: per live program, enablement's latest calibrations (the
figures once closed) and a manager's own requests (their standing once closed)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.home import LIVE, Viewer
from bot.domain.lifecycle import WHENEVER_RUNNING, phase
from bot.domain.tiers.home import AskedCalibration, CalibrationHome, RunCalibration
from bot.services.tiers.access import ENABLEMENT_ROLES
from bot.services.tiers.calibration import own_scores, program_managers
from bot.services.tiers.calibration_results import manager_standing, results_of
from db.models import Calibration, Membership, Role

SHOWN = 3  # the latest calibrations of a program shown in the home


def calibration_home(*, session: Session, viewer: Viewer, now: datetime) -> list[CalibrationHome]:
    """The viewer's calibration section, one part per live program where it has something."""
    parts = []
    for member in viewer.memberships:
        if member.program.status not in LIVE:
            continue
        latest = list(session.scalars(
            select(Calibration).where(Calibration.program_id == member.program_id)
            .order_by(Calibration.created_at.desc(), Calibration.id.desc()).limit(SHOWN)))
        run = _run(session, latest, now) if member.roles & ENABLEMENT_ROLES else []
        asked = _asked(session, member, latest, now) if Role.MANAGER in member.roles else []
        may_start = bool(member.roles & ENABLEMENT_ROLES) and \
            phase(member.program, now) in WHENEVER_RUNNING
        if may_start or run or asked:
            parts.append(CalibrationHome(member.program, may_start, run, asked))
    return parts


def _run(session: Session, latest: list[Calibration], now: datetime) -> list[RunCalibration]:
    out = []
    for calibration in latest:
        managers = len(program_managers(session=session, program_id=calibration.program_id))
        closed = now >= calibration.closes_at
        results = results_of(session=session, calibration=calibration)
        out.append(RunCalibration(calibration, managers, results.scored, closed,
                                  results.figures if closed else []))
    return out


def _asked(
    session: Session, member: Membership, latest: list[Calibration], now: datetime
) -> list[AskedCalibration]:
    out = []
    for calibration in latest:
        scored = own_scores(session=session, calibration_id=calibration.id,
                            manager_id=member.person_id) is not None
        closed = now >= calibration.closes_at
        standing = manager_standing(session=session, calibration=calibration,
                                    manager_id=member.person_id) if closed else None
        out.append(AskedCalibration(calibration, scored, closed, standing))
    return out
