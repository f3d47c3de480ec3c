"""Drawing an attempt's questions and shuffling their options, and reading the answers back.

A modal's option values are `<question position>.<shown position>`: they say where an option
was shown in this attempt, nothing about it; only the attempt's stored draw maps them back.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

Draw = list[list[object]]  # [[question id, [option index in shown order]], ...]

_SHUFFLER = random.SystemRandom()  # not predictable from anything a rep can see


@dataclass(frozen=True)
class PoolQuestion:
    """A question of the pool as drawing sees it: its id and how many options it has."""

    id: int
    options: int


def draw(pool: Sequence[PoolQuestion], count: int) -> Draw:
    """`count` questions of the pool in random order, each with its options shuffled."""
    chosen = _SHUFFLER.sample(list(pool), k=min(count, len(pool)))
    return [[question.id, _SHUFFLER.sample(range(question.options), k=question.options)]
            for question in chosen]


def question_ids(drawn: Draw) -> list[int]:
    """The drawn questions' ids, in the order shown."""
    return [int(str(entry[0])) for entry in drawn]


def shown_orders(drawn: Draw) -> list[list[int]]:
    """Per drawn question, its option indexes in the order shown."""
    return [[int(str(index)) for index in entry[1]]  # type: ignore[attr-defined]  # JSON list
            for entry in drawn]


def option_value(position: int, shown: int) -> str:
    """The opaque value of the option shown `shown`-th under the `position`-th question."""
    return f"{position}.{shown}"


def chosen_options(drawn: Draw, values: Mapping[int, str | None]) -> list[int | None]:
    """The option index picked for each drawn question (None: no or a forged pick), from the
    modal's values by question position."""
    picks: list[int | None] = []
    for position, shown_order in enumerate(shown_orders(drawn)):
        prefix, _, shown = (values.get(position) or "").partition(".")
        valid = prefix == str(position) and shown.isdigit() and int(shown) < len(shown_order)
        picks.append(int(shown_order[int(shown)]) if valid else None)
    return picks


def example_picks(drawn: Draw, answers: Sequence[int], *, right: bool) -> dict[int, str]:
    """The modal's values picking, for each drawn question, its right option (`answers`, in
    the drawn order) or else a wrong one: what a rehearsal or a demo answers."""
    picks = {}
    for position, (order, answer) in enumerate(zip(shown_orders(drawn), answers, strict=True)):
        wanted = next(index for index in order if (index == answer) is right)
        picks[position] = option_value(position, order.index(wanted))
    return picks


def passed_questions(correct: int, asked: int, pass_percent: int) -> bool:
    """Whether `correct` of `asked` meets the pass mark (80% of 5 is 4)."""
    return asked == 0 or correct >= math.ceil(asked * pass_percent / 100)


def percent(correct: int, asked: int) -> int:
    """The score as a whole percentage."""
    return round(100 * correct / asked) if asked else 100
