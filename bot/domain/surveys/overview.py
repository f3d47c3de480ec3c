"""One survey as enablement follows it while it runs."""

from __future__ import annotations

from dataclasses import dataclass

from db.models import Survey


@dataclass(frozen=True)
class SurveyOverview:
    """One survey as enablement follows it: how many answered (never who)."""

    survey: Survey
    program_name: str
    answered: int
    audience_size: int
    is_open: bool
