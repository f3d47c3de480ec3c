"""Removing one person's words and names from stored text and JSON, leaving everything else (the
numbers of a published audit, other people's words) exactly as it was."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from typing import Any

ERASED = "(erased)"
SHORTEST = 3  # a shorter name or text would match inside other people's words


def pattern_of(secrets: Iterable[str | None]) -> re.Pattern[str] | None:
    """One case-insensitive pattern matching any of `secrets` (longest first); None if none."""
    kept = sorted({s.strip() for s in secrets if s and len(s.strip()) >= SHORTEST},
                  key=len, reverse=True)
    return re.compile("|".join(re.escape(s) for s in kept), re.IGNORECASE) if kept else None


def mentions(value: Any, pattern: re.Pattern[str] | None) -> bool:
    """Whether any text in `value` (text, or JSON: dicts and lists) matches `pattern`."""
    if pattern is None:
        return False
    if isinstance(value, str):
        return pattern.search(value) is not None
    if isinstance(value, dict):
        return any(mentions(item, pattern) for item in value.values())
    if isinstance(value, list):
        return any(mentions(item, pattern) for item in value)
    return False


def scrub(value: Any, pattern: re.Pattern[str] | None) -> Any:
    """`value` with every match of `pattern` replaced by ERASED; numbers, keys and structure
    are kept, so a figure never changes."""
    if pattern is None:
        return value
    if isinstance(value, str):
        return pattern.sub(ERASED, value)
    if isinstance(value, dict):
        return {key: scrub(item, pattern) for key, item in value.items()}
    if isinstance(value, list):
        return [scrub(item, pattern) for item in value]
    return value


def without_ids(value: Any, person_ids: Collection[int]) -> Any:
    """A JSON list of person ids without `person_ids` (any other value as it is)."""
    if isinstance(value, list) and all(isinstance(item, int) for item in value):
        return [item for item in value if item not in person_ids]
    return value
