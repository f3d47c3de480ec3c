"""What the survey form offers by default and allows."""

from __future__ import annotations

from bot.domain.group_size import DEFAULT_SMALLEST_GROUP, LOWEST_SMALLEST_GROUP

DEFAULT_QUESTION = (
    "On a scale from 0 to 10, how likely are you to recommend the way we run the kickoff "
    "and the 30 days after it to a colleague?"
)
DEFAULT_MINIMUM = DEFAULT_SMALLEST_GROUP  # a survey's minimum is never below the program's
LOWEST_MINIMUM = LOWEST_SMALLEST_GROUP
TITLE_LENGTH = 80
QUESTION_LENGTH = 300
