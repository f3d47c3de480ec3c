"""The audit's wording, line by line, shared by the Slack message and the shell: each line is
written once, with a function to escape what people typed (names, survey titles)."""

from __future__ import annotations

from collections.abc import Callable

from bot.domain.audit.numbers import Standing, StandupTally, Tally, WeekChange, WeekNumbers
from bot.domain.coaching.vocabulary import CADENCE_NAMES
from bot.domain.standups.wording import participation_text
from db.models import CadenceType

Escape = Callable[[str], str]


def percent(fraction: float) -> str:
    """A target or baseline as people read it: 95%."""
    return f"{round(fraction * 100)}%"


def summary_lines(numbers: WeekNumbers, escape: Escape) -> list[tuple[str, str]]:
    """(label, value) pairs: the week's org-wide numbers."""
    one_on_ones = numbers.cadence(CadenceType.ONE_ON_ONE)
    excused = sum(tally.excused for tally in numbers.cadences.values())
    lines = [
        ("1:1 completion", _completion(one_on_ones, numbers)),
        ("Call reviews", _done_of_due(numbers.cadence(CadenceType.CALL_REVIEW))),
    ]
    territory = numbers.cadence(CadenceType.TERRITORY_REVIEW)
    if territory.counted or territory.excused:
        lines.append(("Territory reviews", _done_of_due(territory)))
    lines += [
        ("Coaching sessions per rep", _per_rep(numbers)),
        ("Disputed", _disputed(numbers.disputed)),
    ]
    if excused:
        lines.append(("Excused", f"{excused} (out of office all week, or rep moved), "
                                 "left out of every rate"))
    lines += [
        ("Week-1 standups", standups_text(numbers.standups)),
        ("Open blockers", str(numbers.open_blockers)),
        ("eNPS", _enps(numbers, escape)),
    ]
    return lines


def standing_lines(numbers: WeekNumbers, escape: Escape) -> list[str]:
    """One numbered line per manager below target, lowest first."""
    return [
        f"{n}. {escape(s.name)}: {_rate(s.this_week)} ({s.this_week.done} of "
        f"{s.this_week.counted}), {_trend(s)}"
        for n, s in enumerate(numbers.below_target(), start=1)
    ]


def managers_title(numbers: WeekNumbers) -> str:
    """What the list of managers below target is, or why there is none."""
    target = percent(numbers.target)
    if not any(tally.counted for tally in numbers.cadences.values()):
        return "No coaching was due this week."
    if not numbers.below_target():
        return f"Every manager met the {target} target this week."
    return (f"Managers below the {target} target: coaching done of due this week, lowest "
            "first, with the week before")


def change_lines(changes: list[WeekChange]) -> list[str]:
    """Past weeks whose numbers changed after they were posted."""
    return [
        f"{change.week}, {CADENCE_NAMES[CadenceType(change.cadence)]}s: {change.before.done} of "
        f"{change.before.counted} done when posted, {change.after.done} of "
        f"{change.after.counted} now"
        for change in changes
    ]


def _rate(tally: Tally) -> str:
    return "n/a" if tally.percent is None else f"{tally.percent}%"


def _completion(tally: Tally, numbers: WeekNumbers) -> str:
    yardsticks = f"target {percent(numbers.target)}, typical baseline {percent(numbers.baseline)}"
    if not tally.counted:
        return f"no 1:1s were due ({yardsticks})"
    return f"{_rate(tally)} ({tally.done} of {tally.counted} done; {yardsticks})"


def _done_of_due(tally: Tally) -> str:
    return f"{tally.done} done of {tally.counted} due" if tally.counted else "none due"


def _per_rep(numbers: WeekNumbers) -> str:
    if not numbers.reps:
        return "no reps with a manager"
    held = numbers.sessions_done
    return f"{held / numbers.reps:.1f} ({held} held for {numbers.reps} reps)"


def _disputed(count: int) -> str:
    if not count:
        return "none"
    sessions = "session" if count == 1 else "sessions"
    return f"{count} {sessions} logged as held that the rep says did not happen (not done)"


def standups_text(tally: StandupTally) -> str:
    """Week-1 standup participation: expected, answered (late), excused, missed, and the rate."""
    return participation_text(tally.counts())


def _enps(numbers: WeekNumbers, escape: Escape) -> str:
    enps = numbers.enps
    if enps is None:
        return "no survey has met its minimum of responses yet"
    return (f"{enps.score:+d} ({escape(enps.title)}, {enps.responses} responses, closed "
            f"{enps.closed_on:%d %b})")


def _trend(standing: Standing) -> str:
    before = standing.previous.percent if standing.previous is not None else None
    now = standing.this_week.percent
    if before is None or now is None:
        return "nothing due the week before"
    if now == before:
        return f"same as the week before ({before}%)"
    return f"{'up' if now > before else 'down'} from {before}%"
