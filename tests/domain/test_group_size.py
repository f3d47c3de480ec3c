"""The smallest-group rule: small groups folded or withheld, and no subtraction reveals one."""

from __future__ import annotations

from itertools import combinations

from bot.domain.group_size import Shown, fold_groups, may_show, smallest_group


def _smallest_derivable(sizes: dict[str, int], shown: Shown[str]) -> int | None:
    """The smallest group a reader can compute from the figures shown, by adding and subtracting
    them (the atoms: each named team, and the remainder that overall minus them leaves)."""
    atoms = [sizes[key] for key in shown.groups]
    remainder = sum(sizes.values()) - sum(atoms)
    if shown.other or (shown.overall and shown.groups):
        atoms.append(remainder)
    if shown.overall:
        atoms.append(sum(sizes.values()))
    return min((atom for atom in atoms if atom), default=None)


def test_the_setting_defaults_to_five_and_never_goes_below_three() -> None:
    assert smallest_group(None) == 5
    assert smallest_group(2) == 3
    assert smallest_group(8) == 8
    assert may_show(5, smallest=5)
    assert not may_show(4, smallest=5)


def test_large_teams_are_shown_by_name() -> None:
    shown = fold_groups({"APAC": 6, "EMEA": 5}, smallest=5, overall=True)
    assert shown == Shown(groups=("APAC", "EMEA"), other=(), withheld=(), overall=True)


def test_small_teams_are_folded_into_other_teams_when_that_bucket_is_large_enough() -> None:
    shown = fold_groups({"APAC": 8, "EMEA": 3, "West": 2}, smallest=5, overall=True)
    assert shown.groups == ("APAC",)
    assert set(shown.other) == {"EMEA", "West"}


def test_one_small_team_with_the_overall_is_not_left_to_subtraction() -> None:
    # overall (14) minus APAC (8) and EMEA (5) would reveal West's 1 person
    sizes = {"APAC": 8, "EMEA": 5, "West": 1}
    shown = fold_groups(sizes, smallest=5, overall=True)
    assert shown.groups == ("APAC",)
    assert set(shown.other) == {"EMEA", "West"}
    assert _smallest_derivable(sizes, shown) == 6


def test_without_the_overall_a_lone_small_team_is_withheld() -> None:
    shown = fold_groups({"APAC": 8, "West": 2}, smallest=5, overall=False)
    assert shown == Shown(groups=("APAC",), other=(), withheld=("West",), overall=False)


def test_a_bucket_below_the_minimum_takes_in_named_teams_until_it_reaches_it() -> None:
    sizes = {"APAC": 9, "EMEA": 6, "West": 2, "LatAm": 1}
    shown = fold_groups(sizes, smallest=5, overall=True)
    assert shown.groups == ("APAC",)
    assert set(shown.other) == {"EMEA", "West", "LatAm"}


def test_when_every_team_is_small_only_the_overall_is_shown() -> None:
    shown = fold_groups({"APAC": 3, "EMEA": 2, "West": 2}, smallest=5, overall=True)
    assert shown.groups == ()
    assert shown.other == ()
    assert shown.overall
    assert set(shown.withheld) == {"APAC", "EMEA", "West"}


def test_a_program_below_the_minimum_shows_nothing() -> None:
    shown = fold_groups({"APAC": 2, "EMEA": 1}, smallest=5, overall=True)
    assert shown.groups == ()
    assert shown.other == ()
    assert not shown.overall


def test_no_combination_of_figures_shown_reveals_a_group_below_the_minimum() -> None:
    teams = {"A": 12, "B": 7, "C": 5, "D": 4, "E": 2, "F": 1}
    for count in range(1, len(teams) + 1):
        for keys in combinations(teams, count):
            sizes = {key: teams[key] for key in keys}
            for overall in (True, False):
                shown = fold_groups(sizes, smallest=5, overall=overall)
                smallest_seen = _smallest_derivable(sizes, shown)
                assert smallest_seen is None or smallest_seen >= 5, (sizes, shown)
                assert len(shown.other) != 1, (sizes, shown)
