"""Smallest group shown: which groups' figures may be shown to people outside them.

A figure aggregated over reps or respondents (standup participation by team, survey results,
later behaviour metrics and certification rates) is shown to anyone other than the people
themselves and their own manager only for a group of at least the program's smallest group
(default 5, never below 3). Smaller groups are folded into "other teams" when that bucket itself
reaches the minimum and spans at least two groups; and when the overall figure is shown too, no
subtraction (overall minus the teams shown) may reveal a smaller group, so more teams are folded
in until it cannot. Figures about a manager's own work (their 1:1s done of due) are about that
manager, not aggregates in this sense.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from typing import Generic, TypeVar

DEFAULT_SMALLEST_GROUP = 5
LOWEST_SMALLEST_GROUP = 3
OTHER_TEAMS = "other teams"

K = TypeVar("K", bound=Hashable)


def smallest_group(setting: int | None) -> int:
    """The smallest group a program shows: its setting, the default if unset, never below 3."""
    value = DEFAULT_SMALLEST_GROUP if setting is None else setting
    return max(value, LOWEST_SMALLEST_GROUP)


def may_show(size: int, *, smallest: int) -> bool:
    """Whether a figure over `size` people may be shown to others than them and their manager."""
    return size >= smallest


@dataclass(frozen=True)
class Shown(Generic[K]):
    """How a set of groups may be shown: by name, folded into one "other teams" figure, not at
    all (withheld), and whether the overall figure may be shown."""

    groups: tuple[K, ...]
    other: tuple[K, ...]
    withheld: tuple[K, ...]
    overall: bool


def fold_groups(sizes: Mapping[K, int], *, smallest: int, overall: bool) -> Shown[K]:
    """Which of the groups (people per group in `sizes`) may be shown by name, which only inside
    "other teams", and whether the overall figure may be shown when `overall` is asked for."""
    smallest = smallest_group(smallest)
    ordered = sorted(sizes, key=lambda key: (-sizes[key], str(key)))
    named = [key for key in ordered if sizes[key] >= smallest]
    rest = [key for key in ordered if sizes[key] < smallest]
    with_overall = overall and sum(sizes.values()) >= smallest
    if rest and not _bucket_ok(rest, sizes, smallest):
        if not with_overall:
            return Shown(tuple(named), (), tuple(rest), overall=False)
        # overall minus the named teams would show the small remainder: fold in the smallest
        # named teams until the remainder is a bucket that may be shown
        while not _bucket_ok(rest, sizes, smallest):
            rest.append(named.pop())
    if not named and with_overall:
        return Shown((), (), tuple(rest), overall=True)  # "other teams" would be the overall
    return Shown(tuple(named), tuple(rest), (), overall=with_overall)


def _bucket_ok(keys: list[K], sizes: Mapping[K, int], smallest: int) -> bool:
    return len(keys) >= 2 and sum(sizes[key] for key in keys) >= smallest
