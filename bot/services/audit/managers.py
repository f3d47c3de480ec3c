"""Each manager's part of the audit: their coaching per week and cadence type, their team's
call-review rubric (only where at least the program's smallest group of its reps were reviewed: an
average over fewer would show a rep's own scores to the channel), and the open blockers with
their manager and age."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from statistics import fmean

from bot.domain.audit.numbers import ManagerHistory, OpenBlocker, Tally, TeamRubric
from bot.domain.group_size import may_show
from bot.domain.local_time import local_date
from bot.services.audit.sources import RaisedBlocker
from bot.services.coaching.history import CoachingHistory, RepRubric


def manager_histories(
    history: CoachingHistory, *, up_to: int, smallest: int
) -> list[ManagerHistory]:
    """Each manager with coaching up to week `up_to`, by name: per week every cadence type
    together and each apart, and their team's rubric."""
    cadences: dict[int, dict[int, dict[str, Tally]]] = defaultdict(dict)
    names: dict[int, str] = {}
    for week in history.weeks:
        if week.week > up_to:
            continue
        names[week.manager_id] = week.manager_name
        cadences[week.manager_id][week.week] = {
            cadence.value: Tally.of(counts) for cadence, counts in week.cadences.items()
        }
    rubrics = team_rubrics(history.rubric, smallest=smallest)
    return [
        ManagerHistory(
            manager_id=manager_id, name=names[manager_id],
            weeks={week: sum(by_type.values(), Tally())
                   for week, by_type in cadences[manager_id].items()},
            cadences=cadences[manager_id], rubric=rubrics.get(manager_id),
        )
        for manager_id in sorted(names, key=lambda m: (names[m], m))
    ]


def team_rubrics(reps: list[RepRubric], *, smallest: int) -> dict[int, TeamRubric]:
    """Per manager (who scored the rep's latest review), the reviewed reps' average first and
    latest score over every dimension; only where at least `smallest` reps were reviewed."""
    by_manager: dict[int, list[RepRubric]] = defaultdict(list)
    for rep in reps:
        by_manager[rep.manager_id].append(rep)
    return {
        manager_id: TeamRubric(
            first=fmean(fmean(trend.first for trend in rep.trends) for rep in team),
            latest=fmean(fmean(trend.latest for trend in rep.trends) for rep in team),
            reps=len(team),
        )
        for manager_id, team in by_manager.items() if may_show(len(team), smallest=smallest)
    }


def blockers_of(blockers: list[RaisedBlocker], *, now: datetime, tz: str) -> list[OpenBlocker]:
    """The open blockers as the audit shows them: manager and age on `now`'s date in `tz`."""
    today = local_date(now, tz)
    return [OpenBlocker(manager=blocker.manager_name, raised_on=blocker.raised_on,
                        age_days=(today - blocker.raised_on).days) for blocker in blockers]
