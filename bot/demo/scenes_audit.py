"""Demo scenes: leadership's Monday coaching audits, with their chart, and the day-32 read-out.
The audit planner stores each week's numbers when the week ends and the dispatcher posts them;
the scenes only move the clock and show the same week from the shell."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from bot.demo.scenes_coaching import program_of
from bot.demo.stage import Stage, shell
from bot.domain.local_time import at_local
from bot.services.audit.weeks import audit_posted_at, readout_posted_at, week_label
from bot.services.coaching.calendar import program_week


def weekly(stage: Stage, week: int, *, from_shell: bool = False) -> None:
    """The audit of program week `week`, posted the Monday after at 09:00 (program time)."""
    program = program_of(stage)
    monday = program_week(program, week).monday
    posted = audit_posted_at(program, monday)
    stage.story.spotlight("weekly coaching audit")
    stage.scene(f"Monday: the audit of week {week} reaches #sales-leadership, with its chart; "
                "managers are named, never mentioned", posted, program.timezone)
    if from_shell and stage.story.full:
        stage.story.say("From the shell, the same week as it was posted (RevOps adds --csv FILE):")
        shell(["audit", program.name, "--week", week_label(monday)])


def posted_at(stage: Stage, week: int) -> datetime:
    """When the audit of program week `week` is posted."""
    program = program_of(stage)
    return audit_posted_at(program, program_week(program, week).monday)


def readout_at(stage: Stage) -> datetime:
    """When the read-out is posted."""
    return readout_posted_at(program_of(stage))


def readout(stage: Stage) -> None:
    """The governance read-out on day 32."""
    program = program_of(stage)
    posted = readout_posted_at(program)
    stage.scene(f"Day {program.readout_day}: the governance read-out", posted, program.timezone)
    stage.timeline.advance_to(posted)


def readout_day_ends(stage: Stage) -> None:
    """The clock runs to the midnight after the read-out's day."""
    program = program_of(stage)
    day = readout_posted_at(program).date() + timedelta(days=1)
    stage.timeline.advance_to(at_local(day, time(0), program.timezone))
