"""The plans planner: the breakout invitation (event day 1 at 14:00 in the program's zone unless
enablement set another), one reminder the next morning to whoever has not signed, and the
manager's nudge one working day after a plan reached them unanswered. Nobody away is asked; a
rep who signs, or a manager who answers, cancels what was still planned for them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.blocks.plans.messages import (
    build_invite_message,
    build_manager_reminder,
    build_rep_reminder,
    build_review_message,
    invite_fallback,
    review_fallback,
)
from bot.blocks.text import Block
from bot.domain.kinds import DeliveryKind
from bot.domain.local_time import at_local, end_of_local_day
from bot.domain.plans.contract import REMINDER_TIME
from bot.services.availability import (
    Absences,
    load_absences,
    person_days,
    program_day_off,
    reachable_from,
    unavailable,
)
from bot.services.outbox import Envelope, delivery_key
from bot.services.plans.contract import Contract, contract_of
from bot.services.plans.roster import PlanState, RepWithPlan, reps_with_plans
from db.models import Person, Program, ProgramStatus

NUDGE_AFTER = timedelta(days=1)
NUDGE_SEARCH = timedelta(days=14)  # a manager away longer is nudged by the reminder instead


class PlanPlanner:
    """Plans `plan_invite`, `plan_reminder` and `plan_nudge` DMs."""

    kinds = frozenset({DeliveryKind.PLAN_INVITE, DeliveryKind.PLAN_REMINDER,
                       DeliveryKind.PLAN_NUDGE})

    def plan(self, *, session: Session, start: datetime, end: datetime) -> Iterator[Envelope]:
        """Every plan DM due in [start, end)."""
        programs = session.scalars(select(Program).where(Program.status == ProgramStatus.ACTIVE))
        for program in list(programs):
            reps = reps_with_plans(session=session, program=program)
            absences = load_absences(session=session, first=start.date() - timedelta(days=1),
                                     last=end.date() + NUDGE_SEARCH)
            contract = contract_of(session=session, program=program)
            found = [*_invites(program, contract, reps, absences),
                     *_reminders(program, contract.breakout_date(program), reps, absences),
                     *_nudges(program, reps, absences)]
            yield from (envelope for envelope in found if start <= envelope.due_at < end)


def _invites(program: Program, contract: Contract, reps: list[RepWithPlan],
             absences: Absences) -> Iterator[Envelope]:
    day = contract.breakout_date(program)
    breakout = at_local(day, contract.breakout_time, program.timezone)
    blocks = build_invite_message(program.name, program.id, contract.text)
    for entry in reps:
        if entry.plan is None:
            yield from _dm(DeliveryKind.PLAN_INVITE, program, entry.rep, day, breakout, absences,
                           invite_fallback(program.name), blocks)


def reminder_day(program: Program, breakout_day: date) -> date:
    """The next event day after the breakout, else the next working day."""
    day = breakout_day + timedelta(days=1)
    last_event_day = program.kickoff_date + timedelta(days=program.event_days - 1)
    while day > last_event_day and program_day_off(program, day) is not None:
        day += timedelta(days=1)
    return day


def _reminders(program: Program, breakout_day: date, reps: list[RepWithPlan],
               absences: Absences) -> Iterator[Envelope]:
    day = reminder_day(program, breakout_day)
    awaiting: dict[int, list[RepWithPlan]] = defaultdict(list)
    text = f"{program.name}: your plan is not signed yet."
    for entry in reps:
        if entry.state is PlanState.MISSING:
            yield from _dm(DeliveryKind.PLAN_REMINDER, program, entry.rep, day, None, absences,
                           text, build_rep_reminder(program.name, program.id))
        elif entry.state is PlanState.REP_ONLY:
            awaiting[entry.manager.id].append(entry)
    for entries in awaiting.values():
        plans = [entry.plan for entry in entries if entry.plan is not None]
        yield from _dm(DeliveryKind.PLAN_REMINDER, program, entries[0].manager, day, None,
                       absences, f"{program.name}: {len(plans)} plan(s) await your co-signature.",
                       build_manager_reminder(program.name, plans))


def _nudges(program: Program, reps: list[RepWithPlan], absences: Absences
            ) -> Iterator[Envelope]:
    for entry in reps:
        plan = entry.plan
        if plan is None or entry.state is not PlanState.REP_ONLY:
            continue
        earliest = plan.rep_signed_at + NUDGE_AFTER
        window = reachable_from(program, plan.manager, absences, earliest=earliest,
                                latest=earliest + NUDGE_SEARCH)
        if window is not None:
            yield Envelope(
                key=delivery_key(DeliveryKind.PLAN_NUDGE, program.id, plan.manager_id,
                                 f"{plan.id}.{plan.revision}"),
                kind=DeliveryKind.PLAN_NUDGE, workspace_id=program.workspace_id,
                program_id=program.id, person_id=plan.manager_id,
                channel=plan.manager.slack_user_id, text=review_fallback(plan),
                blocks=build_review_message(plan, nudge=True), due_at=window.due,
                window_end=window.end)


def _dm(kind: DeliveryKind, program: Program, person: Person, day: date, at: datetime | None,
        absences: Absences, text: str, blocks: list[Block]) -> Iterator[Envelope]:
    """The DM on `day` (at `at`, else at the reminder time of the zone they live the day in),
    inside their working window; none for someone away or off that day."""
    if unavailable(program, person.id, day, absences) is not None:
        return
    zone = person_days(program, person, absences).zone_on(day)
    earliest = at or at_local(day, REMINDER_TIME, zone)
    window = reachable_from(program, person, absences, earliest=earliest,
                            latest=end_of_local_day(day, zone) + timedelta(hours=12))
    if window is not None:
        yield Envelope(
            key=delivery_key(kind, program.id, person.id, day.isoformat()), kind=kind,
            workspace_id=program.workspace_id, program_id=program.id, person_id=person.id,
            channel=person.slack_user_id, text=text, blocks=blocks, due_at=window.due,
            window_end=window.end)
