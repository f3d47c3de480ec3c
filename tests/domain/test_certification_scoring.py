"""Drawing and reading back an attempt: questions and options shuffled per attempt, values that
say only where an option was shown, forged values read as no pick, the pass mark rounded up."""

from __future__ import annotations

from bot.domain.certification.scoring import (
    PoolQuestion,
    chosen_options,
    draw,
    option_value,
    passed_questions,
    shown_orders,
)

POOL = [PoolQuestion(id=n, options=4) for n in range(1, 9)]


def test_each_attempt_draws_its_own_questions_and_option_order() -> None:
    draws = [draw(POOL, 5) for _ in range(40)]
    assert all(len(d) == 5 and len({int(str(q)) for q, _ in d}) == 5 for d in draws)
    assert all(sorted(order) == [0, 1, 2, 3] for d in draws for order in shown_orders(d))
    # Forty attempts of five questions with four options each: the same order every time
    # would take a broken shuffle (chance: 24 ** -199).
    assert len({tuple(map(tuple, shown_orders(d))) for d in draws}) > 1
    assert len({tuple(int(str(q)) for q, _ in d) for d in draws}) > 1


def test_values_map_back_through_the_draw_only() -> None:
    drawn: list[list[object]] = [[7, [2, 0, 1]], [3, [1, 2, 0]]]
    picks = {0: option_value(0, 0), 1: option_value(1, 2)}
    assert picks == {0: "0.0", 1: "1.2"}
    assert chosen_options(drawn, picks) == [2, 0]  # what was shown first, and third


def test_forged_values_are_no_pick() -> None:
    drawn: list[list[object]] = [[7, [2, 0, 1]], [3, [1, 2, 0]]]
    assert chosen_options(drawn, {0: "1.0", 1: "1.9"}) == [None, None]  # another question's
    assert chosen_options(drawn, {0: "Enterprise", 1: None}) == [None, None]


def test_the_pass_mark() -> None:
    assert passed_questions(4, 5, 80)
    assert not passed_questions(3, 5, 80)
    assert passed_questions(3, 4, 75)
    assert not passed_questions(2, 3, 80)  # 80% of 3 needs all 3
