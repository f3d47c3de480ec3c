"""What a closed calibration says, and to whom: enablement sees per dimension the median, the
spread and the managers more than a point from it; a manager sees only whether each of their own
scores was within a point, and only when at least the program's smallest group scored; the
read-out shows the latest closed calibration's spread under the same rule."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.audit.readout import CalibrationSpread
from bot.domain.group_size import may_show, smallest_group
from bot.domain.tiers.calibration import DimensionSpread, closing_day, own_standing, spreads
from bot.services.actor import Actor
from bot.services.tiers.access import ensure_enablement
from db.models import Calibration, CalibrationScore, Person, Program

READING = "read its calibrations"


@dataclass(frozen=True)
class Results:
    """A calibration's figures for enablement: the outliers by name."""

    calibration: Calibration
    scored: int
    figures: list[DimensionSpread[str]]


def calibration_results(
    *, session: Session, calibration: Calibration, actor: Actor
) -> Results:
    """The figures enablement sees (anyone else is refused)."""
    ensure_enablement(session=session, program=calibration.program, actor=actor, what=READING)
    return results_of(session=session, calibration=calibration)


def results_of(*, session: Session, calibration: Calibration) -> Results:
    """The figures of a calibration, outliers by name (the caller has checked who asks)."""
    cards = score_cards(session=session, calibration_id=calibration.id)
    return Results(calibration, len(cards), spreads({name: card for (_, name), card in
                                                      cards.items()}))


def manager_standing(
    *, session: Session, calibration: Calibration, manager_id: int
) -> dict[str, bool] | None:
    """Per dimension, whether the manager's own score was within a point of the median; None
    when fewer than the program's smallest group scored (or they did not)."""
    cards = score_cards(session=session, calibration_id=calibration.id)
    own = next((card for (person_id, _), card in cards.items() if person_id == manager_id), None)
    smallest = smallest_group(calibration.program.smallest_group)
    if own is None or not may_show(len(cards), smallest=smallest):
        return None
    return own_standing(own, spreads(cards))


def readout_calibration(
    *, session: Session, program: Program, now: datetime
) -> CalibrationSpread | None:
    """The latest closed calibration's spread, nobody named (the read-out goes to a channel);
    None when there is none or it had fewer scorers than the smallest group."""
    latest = session.scalars(
        select(Calibration).where(Calibration.program_id == program.id,
                                  Calibration.closes_at <= now)
        .order_by(Calibration.closes_at.desc(), Calibration.id.desc())).first()
    if latest is None:
        return None
    cards = score_cards(session=session, calibration_id=latest.id)
    if not may_show(len(cards), smallest=smallest_group(program.smallest_group)):
        return None
    figures = spreads(cards)
    return CalibrationSpread(
        closed_on=closing_day(latest.closes_at, program.timezone), scorers=len(cards),
        medians={item.dimension: item.median for item in figures},
        spreads={item.dimension: item.spread for item in figures})


def score_cards(
    *, session: Session, calibration_id: int
) -> dict[tuple[int, str], dict[str, int]]:
    """(manager id, name) -> their scores, for one calibration."""
    rows = session.execute(
        select(CalibrationScore, Person.name)
        .join(Person, Person.id == CalibrationScore.manager_id)
        .where(CalibrationScore.calibration_id == calibration_id))
    return {(score.manager_id, name): score.scores() for score, name in rows}
