"""Demo scene: leadership's weekly coaching audit and the day-30 read-out. Two managers log their
week-2 coaching, one does not; the simulated clock then runs to Monday 09:00 (New York), when
the audit reaches #sales-leadership, and on to the read-out on day 32."""

from __future__ import annotations

from datetime import time

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.demo.stage import Stage, shell
from bot.domain.coaching.log_form import LogForm
from bot.domain.local_time import at_local, zone
from bot.ids import CoachingField as F
from bot.services.actor import Actor
from bot.services.audit.weeks import audit_posted_at, readout_posted_at, week_label
from bot.services.coaching.calendar import program_week
from bot.services.coaching.log_entry import record_log
from bot.services.coaching.occurrences import materialise_items
from bot.services.programs import find_program
from db.models import CadenceType, CoachingItem, LoggedStatus, Person, Program, ProgramStatus

# Marcus logs three of his four week-2 sessions, Priya all six, Hannah none.
LOGGED = {
    "U0MAR": (("U0ANA", CadenceType.ONE_ON_ONE), ("U0BEN", CadenceType.ONE_ON_ONE),
              ("U0ANA", CadenceType.CALL_REVIEW)),
    "U0PRI": tuple((rep, cadence) for rep in ("U0ARJ", "U0OLI", "U0ARO")
                   for cadence in (CadenceType.ONE_ON_ONE, CadenceType.CALL_REVIEW)),
}
ONE_ON_ONE = {F.DURATION: "45", F.PIPELINE_REVIEWED: "yes"}
CALL_REVIEW = {
    F.WON_CALL_LINK: "https://gong.example.com/call/won", F.SCORE_DISCOVERY: "3",
    F.SCORE_MULTI_THREADING: "2", F.SCORE_OBJECTION_HANDLING: "4", F.SCORE_NEXT_STEP: "3",
    F.SCORE_VALUE_ARTICULATION: "3", F.AGREED_BEHAVIOUR: "End every call with a dated next step",
}


def scene(stage: Stage, *, program_name: str) -> None:
    """Week 2 logged; the clock runs to its audit on Monday, then to the day-32 read-out."""
    print("\n=== Leadership: the weekly coaching audit and the day-30 read-out ===")
    with stage.runtime.session_factory.begin() as session:
        program = find_program(session=session, workspace=stage.runtime.workspace(session),
                               ref=program_name)
        if program.status is not ProgramStatus.ACTIVE:
            print(f"\n  ({program_name} is {program.status}: launch it to see the audit.)")
            return
        monday = program_week(program, 2).monday
        _log_week_2(session, program)
        posted, readout = audit_posted_at(program, monday), readout_posted_at(program)
    local = posted.astimezone(zone(program.timezone))
    print(f"\n  Week 2 is over. On {local:%A %d %B at %H:%M} ({program.timezone}) the audit of "
          f"{week_label(monday)} is posted; managers are named, never mentioned:")
    stage.timeline.advance_to(posted)
    print("\n  From the shell, the same week as it was posted (RevOps adds --csv FILE):")
    shell(["audit", program_name, "--week", week_label(monday)])
    print(f"\n  On day {program.readout_day} the governance read-out follows:")
    stage.timeline.advance_to(readout)


def _log_week_2(session: Session, program: Program) -> None:
    """Each manager logs on the due day, at 17:00 in their own time zone."""
    materialise_items(session=session, program=program, now=at_local(
        program_week(program, 2).monday, time(0), program.timezone))
    for manager_id, sessions in LOGGED.items():
        manager = session.scalars(select(Person).where(Person.slack_user_id == manager_id)).one()
        for rep_id, cadence in sessions:
            item = session.scalars(select(CoachingItem).join(
                Person, Person.id == CoachingItem.rep_id).where(
                CoachingItem.program_id == program.id, CoachingItem.week == 2,
                CoachingItem.cadence == cadence, Person.slack_user_id == rep_id)).one()
            fields = ONE_ON_ONE if cadence is CadenceType.ONE_ON_ONE else CALL_REVIEW
            result = record_log(
                session=session, item_id=item.id, actor=Actor(manager_id),
                form=LogForm(LoggedStatus.DONE, {F.HELD_ON: item.due_date.isoformat(), **fields}),
                now=at_local(item.due_date, time(17), manager.timezone),
            )
            assert result.item is not None, result.errors
