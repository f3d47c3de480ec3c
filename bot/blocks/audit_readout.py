"""The governance read-out (posted on day 32 unless set otherwise, its header saying so and
the days it covers): a plain verdict per cadence type against the target, then what changed
(standups, completion per week, rubric first vs latest, blockers, eNPS)."""

from __future__ import annotations

from bot.blocks.audit_lines import percent, standups_text
from bot.blocks.plans.standing import build_plans_section
from bot.blocks.survey_gap import build_gap_change_blocks
from bot.blocks.text import Block, context, escape, header, section
from bot.domain.audit.numbers import Tally
from bot.domain.audit.readout import CalibrationSpread, ReadoutNumbers
from bot.domain.coaching.cadence import CADENCE_ORDER
from bot.domain.coaching.vocabulary import CADENCE_NAMES, DIMENSION_LABELS
from bot.domain.counting import counted
from db.models import CadenceType

ONE_ON_ONE = CadenceType.ONE_ON_ONE.value


def verdict(numbers: ReadoutNumbers, cadence: CadenceType) -> str:
    """"held: 96% of 1:1s done" (against the target), "held: every call review due was done"
    or "not held: 58% of call reviews done (7 of 12), against every one due"."""
    tally = numbers.totals.get(cadence.value, Tally())
    noun = f"{CADENCE_NAMES[cadence]}s"
    if tally.percent is None:
        return f"no {noun} were due"
    held = numbers.held(cadence.value)
    figures = f"({tally.done} of {tally.counted})"
    if cadence is CadenceType.ONE_ON_ONE:
        return f"{'held' if held else 'not held'}: {tally.percent}% of {noun} done {figures}"
    if held:
        return f"held: every {CADENCE_NAMES[cadence]} due was done {figures}"
    return f"not held: {tally.percent}% of {noun} done {figures}, against every one due"


def build_readout_message(numbers: ReadoutNumbers) -> list[Block]:
    """The read-out, each part in its own section."""
    verdicts = [f"• {verdict(numbers, CadenceType(value))}" for value in numbers.totals]
    return [
        header(title(numbers)),
        section("\n".join([
            f"*Did the coaching cadence hold?* 1:1s against the target of "
            f"{percent(numbers.target)} done (typical baseline {percent(numbers.baseline)}); "
            "call reviews and territory reviews against their own cadence, every one due done.",
            *(verdicts or ["• no coaching was due"]),
        ])),
        section(f"*Week-1 standups:* {standups_text(numbers.standups)}"),
        section("\n".join(["*Coaching completion per week*", *week_lines(numbers)])),
        *_committed(numbers),
        section("\n".join(rubric_lines(numbers))),
        *([section(calibration_line(numbers.calibration))] if numbers.calibration else []),
        section(f"*Blockers:* {numbers.blockers_raised} raised, {numbers.blockers_resolved} "
                f"resolved, {numbers.open_blockers} still open"),
        section(f"*eNPS:* {_enps(numbers)}"),
        *build_gap_change_blocks(numbers.gap),
        *build_plans_section(numbers.plans, numbers.smallest_group, named=False),
        context(f"Posted on day {numbers.day} after the kickoff for the governance review: "
                "decide which interventions continue. Excused sessions are left out of every "
                "rate; managers and reps are not named here."),
    ]


def _committed(numbers: ReadoutNumbers) -> list[Block]:
    """The sessions managers added in their commitments, committed vs done (not in the rates)."""
    if not numbers.committed_sessions:
        return []
    return [section(f"*Sessions added in managers' commitments:* {numbers.committed_done} done "
                    f"of {numbers.committed_sessions} committed (not counted in the completion "
                    "above)")]


def readout_fallback(numbers: ReadoutNumbers) -> str:
    """The notification text: the verdicts."""
    verdicts = "; ".join(verdict(numbers, CadenceType(value)) for value in numbers.totals)
    return f"{title(numbers)}. Coaching cadence: {verdicts or 'no coaching was due'}."


def title(numbers: ReadoutNumbers) -> str:
    """The day it is posted and the period it covers: "Read-out of Q1 Kickoff: day 32 (Fri 12
    Feb), covering Mon 11 Jan to Wed 10 Feb"."""
    posted = f"Read-out of {numbers.program}: day {numbers.day} ({numbers.on:%a %d %b})"
    if numbers.first_day is None or numbers.last_day is None:
        return posted
    return f"{posted}, covering {numbers.first_day:%a %d %b} to {numbers.last_day:%a %d %b}"


def week_lines(numbers: ReadoutNumbers) -> list[str]:
    """Completion per program week, each cadence type apart, then the first week's 1:1s
    against the last's."""
    lines = [
        f"Week {week.number} ({week.week}): " + "; ".join(
            f"{CADENCE_NAMES[cadence]}s {_rate(week.cadences.get(cadence.value))}"
            for cadence in CADENCE_ORDER
        )
        for week in numbers.weeks
    ]
    rates = [(week.number, week.cadences.get(ONE_ON_ONE, Tally()).percent)
             for week in numbers.weeks]
    due = [(number, rate) for number, rate in rates if rate is not None]
    if len(due) >= 2:
        (first, before), (last, after) = due[0], due[-1]
        lines.append(f"1:1s, week {first} → week {last}: {before}% → {after}% "
                     f"({after - before:+d} points)")
    return lines or ["No coaching was due."]


def rubric_lines(numbers: ReadoutNumbers) -> list[str]:
    """Average rubric score per dimension, first vs latest call review."""
    reps = counted(numbers.rubric_reps, "rep")
    if not numbers.rubric_reps:
        return ["*Call-review rubric:* no rep has two scored call reviews yet."]
    if not numbers.rubric:
        return [f"*Call-review rubric:* {reps} with two scored call reviews, fewer than the "
                f"{numbers.smallest_group} an average is shown for."]
    return [
        f"*Call-review rubric, first → latest review* (average of {reps} with two or more):",
        *(f"{DIMENSION_LABELS[d.dimension]}: {d.first:.1f} → {d.latest:.1f} "
          f"({d.latest - d.first:+.1f})" for d in numbers.rubric),
    ]


def calibration_line(spread: CalibrationSpread) -> str:
    """The latest rubric calibration: per dimension the managers' median and spread."""
    figures = "; ".join(f"{DIMENSION_LABELS[name]} {spread.medians[name]:g} "
                        f"(spread {spread.spreads[name]})" for name in spread.medians)
    return (f"*Rubric calibration* (latest, closed {spread.closed_on:%a %d %b}, "
            f"{spread.scorers} managers scored one call; median and spread, highest minus "
            f"lowest): {figures}")


def _rate(tally: Tally | None) -> str:
    if tally is None or tally.percent is None:
        return "none due"
    return f"{tally.percent}% ({tally.done} of {tally.counted})"


def _enps(numbers: ReadoutNumbers) -> str:
    enps = numbers.enps
    if enps is None:
        return "no survey met its minimum of responses"
    return f"{enps.score:+d} ({escape(enps.title)}, {enps.responses} responses)"
