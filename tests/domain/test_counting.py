"""A count and its noun: singular for one only."""

from __future__ import annotations

from bot.domain.counting import counted


def test_one_is_singular_and_every_other_number_plural() -> None:
    assert [counted(n, "attempt") for n in (0, 1, 2)] == ["0 attempts", "1 attempt", "2 attempts"]
