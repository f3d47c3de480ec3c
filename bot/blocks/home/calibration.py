"""The App Home's rubric calibration section: enablement starts one and reads its figures once
closed (median, spread, who is more than a point off); a manager scores the call and, once it
has closed, sees only whether each of their own scores was within a point of the median."""

from __future__ import annotations

from bot.blocks.home.common import DIVIDER, short_date, within
from bot.blocks.standup import actions, button
from bot.blocks.text import Block, context, escape, header, section
from bot.domain.coaching.vocabulary import DIMENSION_LABELS
from bot.domain.tiers.calibration import NOT_ENOUGH, DimensionSpread, closing_day
from bot.domain.tiers.home import AskedCalibration, CalibrationHome, RunCalibration
from bot.ids import ActionId
from db.models import Calibration


def build_calibration_section(parts: tuple[CalibrationHome, ...], *, room: int) -> list[Block]:
    """Each program's calibrations for the viewer, within `room` blocks."""
    rows: list[list[Block]] = []
    for part in parts:
        name = escape(part.program.name)
        if part.may_start:
            rows.append([section(f"*{name}*: have every manager score one recorded call"),
                         actions(button("Start a calibration", ActionId.HOME_CALIBRATION_START,
                                        str(part.program.id)))])
        rows += [[section(f"*{name}* · {_run(item)}")] for item in part.run]
        rows += [_asked(name, item) for item in part.asked]
    return [header("Rubric calibration"), *within(rows, room - 2, "…and {} more."), DIVIDER]


def _closes(calibration: Calibration) -> str:
    return short_date(closing_day(calibration.closes_at, calibration.program.timezone))


def _run(item: RunCalibration) -> str:
    counts = f"{item.scored} of {item.managers} managers scored"
    if not item.closed:
        return f"open until the end of {_closes(item.calibration)}: {counts}"
    lines = [f"closed {_closes(item.calibration)}: {counts}",
             *(_dimension(figure) for figure in item.figures)]
    return "\n".join(lines)


def _dimension(figure: DimensionSpread[str]) -> str:
    off = ", ".join(escape(name) for name in figure.outliers) or "nobody"
    return (f"{DIMENSION_LABELS[figure.dimension]}: median {figure.median:g}, spread "
            f"{figure.spread}; more than a point off: {off}")


def _asked(name: str, item: AskedCalibration) -> list[Block]:
    calibration = item.calibration
    if not item.closed:
        said = "you have scored it (you can change your scores)" if item.scored \
            else "please score it"
        return [section(f"*{name}* · calibration call open until the end of "
                        f"{_closes(calibration)}: {said}"),
                actions(button("Score the call", ActionId.CALIBRATION_SCORE,
                               str(calibration.id)))]
    if not item.scored:
        return [context(f"{name} · calibration closed {_closes(calibration)}: you did not "
                        "score it")]
    if item.standing is None:
        return [context(f"{name} · calibration closed {_closes(calibration)}: {NOT_ENOUGH}")]
    lines = [f"{DIMENSION_LABELS[dimension]}: "
             f"{'within a point of' if within_one else 'more than a point from'} the median"
             for dimension, within_one in item.standing.items()]
    return [section(f"*{name}* · calibration closed {_closes(calibration)}, your scores:\n"
                    + "\n".join(lines))]
