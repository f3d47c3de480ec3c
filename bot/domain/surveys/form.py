"""What the survey form offers by default and allows."""

from __future__ import annotations

DEFAULT_QUESTION = (
    "On a scale from 0 to 10, how likely are you to recommend the way we run the kickoff "
    "and the 30 days after it to a colleague?"
)
DEFAULT_MINIMUM = 5
LOWEST_MINIMUM = 3
TITLE_LENGTH = 80
QUESTION_LENGTH = 300
