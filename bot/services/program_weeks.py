"""A stored program's weeks, as `bot.domain.program_calendar` defines them, for every feature."""

from __future__ import annotations

from bot.domain.program_calendar import ProgramCalendar, program_calendar
from bot.services.availability import program_day_off
from db.models import Program


def calendar_of(program: Program) -> ProgramCalendar:
    """The weeks of `program`: its standup days, then its coaching weeks."""
    return program_calendar(
        kickoff_date=program.kickoff_date, event_days=program.event_days,
        standup_days=program.standup_days,
        day_off=lambda day: program_day_off(program, day) is not None,
    )
