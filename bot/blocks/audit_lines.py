"""The audit's wording, line by line, shared by the Slack message and the shell: each line is
written once, with a function to escape what people typed (names, survey titles)."""

from __future__ import annotations

from collections.abc import Callable

from bot.domain.audit.numbers import OpenBlocker, StandupTally, Tally, WeekChange, WeekNumbers
from bot.domain.audit.standings import OWN_CADENCE, Mark, Standing, below_target, standings
from bot.domain.coaching.vocabulary import CADENCE_NAMES
from bot.domain.counting import counted
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


def manager_lines(numbers: WeekNumbers, escape: Escape) -> list[str]:
    """One numbered line per manager, below target first: 1:1s against the target, the other
    cadence types done of due, and the team's rubric where it may be shown; none when no
    coaching was due this week."""
    if not _any_due(numbers):
        return []
    return [
        f"{n}. {escape(s.name)}: " + "; ".join(_manager_parts(s, numbers))
        for n, s in enumerate(standings(numbers), start=1)
    ]


def managers_title(numbers: WeekNumbers) -> str:
    """What the list of managers is, or why there is none."""
    target = percent(numbers.target)
    if not _any_due(numbers):
        return "No coaching was due this week."
    if not below_target(numbers):
        return (f"Every manager met the {target} 1:1 target this week; each cadence done of "
                "due:")
    return (f"Managers, below the {target} 1:1 target first (lowest first, with the week "
            "before), then behind on another cadence: each cadence done of due this week")


def blocker_lines(numbers: WeekNumbers, escape: Escape) -> list[str]:
    """Open blockers per manager, the manager with the oldest first."""
    waiting: dict[str | None, list[OpenBlocker]] = {}
    for blocker in numbers.blockers:  # oldest first
        waiting.setdefault(blocker.manager, []).append(blocker)
    return [
        f"• {escape(manager) if manager else 'Reps without a manager'}: {len(blockers)} open, "
        f"{'the oldest ' if len(blockers) > 1 else ''}raised {blockers[0].raised_on:%a %d %b} "
        f"({_days(blockers[0].age_days)})"
        for manager, blockers in waiting.items()
    ]


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
    return f"{counted(count, 'session')} logged as held that the rep says did not happen (not done)"


def standups_text(tally: StandupTally) -> str:
    """Week-1 standup participation: expected, answered (late), excused, missed, and the rate."""
    return participation_text(tally.counts())


def _enps(numbers: WeekNumbers, escape: Escape) -> str:
    enps = numbers.enps
    if enps is None:
        return "no survey has met its minimum of responses yet"
    return (f"{enps.score:+d} ({escape(enps.title)}, {enps.responses} responses, closed "
            f"{enps.closed_on:%d %b})")


def _any_due(numbers: WeekNumbers) -> bool:
    return any(tally.counted for tally in numbers.cadences.values())


def _manager_parts(standing: Standing, numbers: WeekNumbers) -> list[str]:
    if not standing.cadences:  # an audit stored before the cadence types were kept apart
        total = standing.total
        if total is None or total.percent is None:
            return ["nothing due"]
        return [", ".join([f"all coaching {total.percent}% ({total.done} of {total.counted})",
                           *_trend(standing)])]
    parts = [f"1:1s {_one_on_ones(standing, numbers)}"]
    parts += [f"{CADENCE_NAMES[cadence]}s {_of(standing.cadences.get(cadence.value))}"
              for cadence in OWN_CADENCE]
    if standing.rubric is not None:
        rubric = standing.rubric
        parts.append(f"team rubric {rubric.first:.1f} → {rubric.latest:.1f} ({rubric.reps} "
                     "reps, first → latest review)")
    return parts


def _one_on_ones(standing: Standing, numbers: WeekNumbers) -> str:
    tally = standing.measured
    if tally is None or tally.percent is None:
        return "none due"
    text = f"{tally.percent}% ({tally.done} of {tally.counted})"
    if standing.mark is Mark.UNDER_BASELINE:
        text += f", under the {percent(numbers.baseline)} baseline"
    elif standing.mark is Mark.BELOW_TARGET:
        text += ", below target"
    return ", ".join([text, *_trend(standing)])


def _of(tally: Tally | None) -> str:
    if tally is None or not tally.counted:
        return "none due"
    return f"{tally.done} of {tally.counted} done"


def _days(days: int) -> str:
    if days <= 0:
        return "today"
    return f"{counted(days, 'day')} ago"


def _trend(standing: Standing) -> list[str]:
    before = standing.previous.percent if standing.previous is not None else None
    measured = standing.measured
    now = measured.percent if measured is not None else None
    if before is None or now is None:
        return []
    if now == before:
        return [f"same as the week before ({before}%)"]
    return [f"{'up' if now > before else 'down'} from {before}%"]


def committed_lines(numbers: WeekNumbers, escape: Escape) -> list[str]:
    """Per manager, the sessions they added in their commitment: committed vs done (kept out
    of every completion rate above)."""
    return [f"• {escape(line.manager)}: {line.done} done of {line.committed} committed"
            for line in numbers.committed]
