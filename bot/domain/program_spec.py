"""Every program setting with its validation, shared by the shell and (later) the Slack modal."""

from __future__ import annotations

import re
import zoneinfo
from datetime import date, time, timedelta
from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from bot.domain.coaching.cadence import DIGEST_TIME
from bot.domain.working_hours import WORK_END, WORK_START, WorkWindow, outside_window
from bot.errors import InvalidField
from db.models import Program

PROGRAM_DAYS = 30
CHANNEL_ID = re.compile(r"^[CG][A-Z0-9]{2,}$")
WEEKDAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")

Weekday = Annotated[int, Field(ge=1, le=7)]


class ProgramSpec(BaseModel):
    """The settings of one program, each checked as a user would expect."""

    model_config = ConfigDict(frozen=True)

    name: str = Field(min_length=1, max_length=80)
    kickoff_date: date
    event_days: int = Field(default=1, ge=1, le=2)
    timezone: str = "UTC"
    standup_channel: str
    audit_channel: str
    working_days: tuple[Weekday, ...] = (1, 2, 3, 4, 5)
    holidays: tuple[date, ...] = ()
    # The working window comes before the times checked against it (validated in field order).
    work_start: time = WORK_START
    work_end: time = WORK_END
    standup_time: time = time(9, 0)
    reminder_time: time = time(11, 0)
    coaching_due_weekday: Weekday = 4
    standup_days: int = Field(default=5, ge=1, le=10)
    one_on_one_target: float = Field(default=0.95, gt=0, le=1)
    baseline_completion: float = Field(default=0.60, ge=0, le=1)
    readout_day: int = Field(default=32, ge=PROGRAM_DAYS, le=2 * PROGRAM_DAYS)

    @field_validator("name")
    @classmethod
    def _name_trimmed(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be blank")
        return value.strip()

    @field_validator("timezone")
    @classmethod
    def _timezone_known(cls, value: str) -> str:
        if value not in zoneinfo.available_timezones():
            raise ValueError(f"{value!r} is not an IANA time zone (e.g. Europe/Berlin)")
        return value

    @field_validator("standup_channel", "audit_channel")
    @classmethod
    def _channel_id(cls, value: str) -> str:
        if not CHANNEL_ID.match(value):
            raise ValueError(f"{value!r} is not a channel id (like C0123ABCD)")
        return value

    @field_validator("working_days")
    @classmethod
    def _some_working_days(cls, value: tuple[int, ...]) -> tuple[int, ...]:
        if not value:
            raise ValueError("at least one working day is needed")
        return tuple(sorted(set(value)))

    @field_validator("work_end")
    @classmethod
    def _window_holds_the_digest(cls, value: time, info: ValidationInfo) -> time:
        start = info.data.get("work_start")
        if start is None:
            return value  # the start was refused: its own error says why
        if value <= start:
            raise ValueError(f"the working hours must end after they start ({start:%H:%M}); "
                             f"like 08:00-18:00")
        fix = (f"start it at {DIGEST_TIME:%H:%M} or earlier" if start > DIGEST_TIME
               else f"end it after {DIGEST_TIME:%H:%M}")
        if not start <= DIGEST_TIME < value:
            raise ValueError(f"the working window ({WorkWindow(start, value)}) leaves out "
                             f"{DIGEST_TIME:%H:%M}, when managers get their coaching digest; "
                             f"{fix}")
        return value

    @field_validator("standup_time", "reminder_time")
    @classmethod
    def _inside_the_window(cls, value: time, info: ValidationInfo) -> time:
        start, end = info.data.get("work_start"), info.data.get("work_end")
        if start is None or end is None:
            return value  # the window was refused: its own error says why
        what = str(info.field_name).replace("_", " ")
        problem = outside_window(what, value, WorkWindow(start, end))
        if problem is not None:
            raise ValueError(problem)
        return value

    @model_validator(mode="after")
    def _reminder_after_standup(self) -> ProgramSpec:
        if self.reminder_time <= self.standup_time:
            raise ValueError("the reminder time must be later than the standup time")
        return self

    def program_end(self) -> date:
        """The last day of the program's 30 days."""
        return self.kickoff_date + timedelta(days=PROGRAM_DAYS)


def split_working_hours(text: str) -> dict[str, str]:
    """`--working-hours 08:00-18:00` as the two settings it stands for (each checked by the
    spec)."""
    start, dash, end = text.partition("-")
    if not dash or not start.strip() or not end.strip():
        raise InvalidField("working_hours", f"{text!r} is not a window like 08:00-18:00")
    return {"work_start": start.strip(), "work_end": end.strip()}


def build_spec(values: dict[str, object], *, today: date) -> ProgramSpec:
    """Validate `values` into a spec, refusing programs whose 30 days are already over."""
    try:
        spec = ProgramSpec.model_validate(values)
    except ValidationError as exc:
        error = exc.errors()[0]
        field = ".".join(str(part) for part in error["loc"]) or "program"
        message = str(error["msg"]).removeprefix("Value error, ")
        raise InvalidField(field, message) from None
    if spec.program_end() < today:
        raise InvalidField(
            "kickoff_date", f"the 30 days after {spec.kickoff_date} ended on {spec.program_end()}"
        )
    return spec


def spec_of(program: Program) -> ProgramSpec:
    """The spec a stored program was made from."""
    return ProgramSpec(
        name=program.name,
        kickoff_date=program.kickoff_date,
        event_days=program.event_days,
        timezone=program.timezone,
        standup_channel=program.standup_channel,
        audit_channel=program.audit_channel,
        working_days=tuple(program.working_days),
        holidays=tuple(date.fromisoformat(day) for day in program.holidays),
        work_start=program.work_start,
        work_end=program.work_end,
        standup_time=program.standup_time,
        reminder_time=program.reminder_time,
        coaching_due_weekday=program.coaching_due_weekday,
        standup_days=program.standup_days,
        one_on_one_target=program.one_on_one_target,
        baseline_completion=program.baseline_completion,
        readout_day=program.readout_day,
    )


def apply_spec(program: Program, spec: ProgramSpec) -> None:
    """Copy every setting of `spec` onto `program`."""
    program.name = spec.name
    program.kickoff_date = spec.kickoff_date
    program.event_days = spec.event_days
    program.timezone = spec.timezone
    program.standup_channel = spec.standup_channel
    program.audit_channel = spec.audit_channel
    program.working_days = list(spec.working_days)
    program.holidays = sorted(day.isoformat() for day in spec.holidays)
    program.work_start = spec.work_start
    program.work_end = spec.work_end
    program.standup_time = spec.standup_time
    program.reminder_time = spec.reminder_time
    program.coaching_due_weekday = spec.coaching_due_weekday
    program.standup_days = spec.standup_days
    program.one_on_one_target = spec.one_on_one_target
    program.baseline_completion = spec.baseline_completion
    program.readout_day = spec.readout_day
