"""A number with its noun, singular or plural as English wants it ("1 attempt", "3 attempts"):
one rule for every message and shell line that counts something."""

from __future__ import annotations


def counted(number: int, noun: str) -> str:
    """`number` and `noun`, with an s unless the number is one (regular nouns only)."""
    return f"{number} {noun}{'' if number == 1 else 's'}"
