"""The events a program preview plays so it can show what they make the bot send: the launch
(welcomes), the first two reps answering Day 1 (one with a blocker, which their manager clears),
the first coaching session logged and disputed, the first rep's plan signed and returned,
a certification failed out of and a talk-track reviewed, and a decision recorded on the
read-out. Enablement starting a rubric calibration a week before the kickoff shows the
managers' requests. Called inside a savepoint the preview rolls back, with the same
services the listeners call; the texts say they are examples."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from functools import partial

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.coaching.log_form import LogForm
from bot.domain.kinds import DeliveryKind
from bot.domain.ledger.decisions import Intervention, Verdict
from bot.domain.local_time import at_local, local_date
from bot.domain.metrics.report import ReportKind
from bot.domain.standups.fields import Field
from bot.errors import KickoffError
from bot.ids import CoachingField as F
from bot.services.actor import Actor
from bot.services.audit.weeks import readout_posted_at
from bot.services.certification.rehearsal import certification_events
from bot.services.coaching.calendar import program_week
from bot.services.coaching.confirmation import answer_log
from bot.services.coaching.log_entry import record_log
from bot.services.coaching.occurrences import materialise_items
from bot.services.launch import queue_welcomes
from bot.services.ledger.decisions import DecisionValues, record_decision
from bot.services.ledger.policy import DECIDERS
from bot.services.metrics.review_notice import queue_review
from bot.services.metrics.self_report import read_values, report_form, save_report
from bot.services.plans.rehearsal import plan_events
from bot.services.standups.answer import submit_answer
from bot.services.standups.resolve import resolve_blocker
from bot.services.standups.schedule import standup_days
from bot.services.standups.turn import StandupTurn
from bot.services.tiers.calibration import start_calibration
from db.models import (
    CadenceType,
    CoachingItem,
    Confirmation,
    LoggedStatus,
    Membership,
    MembershipRole,
    Person,
    Program,
    Role,
    StandupAnswer,
)

EXAMPLE = "(example)"
# What the first session logged says, by cadence: the least each form accepts.
LOGGED = {
    CadenceType.ONE_ON_ONE: {F.DURATION: "45", F.PIPELINE_REVIEWED: "yes"},
    CadenceType.CALL_REVIEW: {
        F.WON_CALL_LINK: "https://example.com/won-call", F.LOST_CALL_LINK: "",
        F.SCORE_DISCOVERY: "3", F.SCORE_MULTI_THREADING: "3", F.SCORE_OBJECTION_HANDLING: "3",
        F.SCORE_NEXT_STEP: "3", F.SCORE_VALUE_ARTICULATION: "3",
        F.AGREED_BEHAVIOUR: f"{EXAMPLE} the behaviour agreed on",
    },
    CadenceType.TERRITORY_REVIEW: {F.NOTES: f"{EXAMPLE} notes"},
}


@dataclass(frozen=True)
class Event:
    """Something a person does at an instant, played by the preview at that instant."""

    at: datetime
    play: Callable[[], None]


def rehearsed_events(*, session: Session, program: Program, launching: bool,
                     start: datetime, kinds: Collection[str]) -> list[Event]:
    """The events to play, in time order: those causing a kind among `kinds` (the features in
    use), and only those the program can have."""
    events = []
    if launching and DeliveryKind.WELCOME in kinds:
        events.append(Event(start, lambda: _launch(session, program, start)))
    if DeliveryKind.STANDUP_REPLY in kinds:
        events += _standup_events(session, program)
    if DeliveryKind.COACHING_RECEIPT in kinds:
        events += _coaching_events(session, program)
    if DeliveryKind.METRICS_REVIEW in kinds:
        events += _metrics_events(session, program)
    if DeliveryKind.PLAN_REVIEW in kinds:
        events += [Event(at, act) for at, act in plan_events(session=session, program=program)]
    if DeliveryKind.DECISION_REPLY in kinds:
        events += _decision_events(session, program)
    if DeliveryKind.CALIBRATION_REQUEST in kinds:
        events.append(_calibration_event(session, program, start))
    if DeliveryKind.CERT_REVIEW_REQUEST in kinds:
        events += [Event(at, act) for at, act in certification_events(
            session=session, program=program, reps=_first_reps(session, program))]
    return sorted(events, key=lambda event: event.at)


def play(session: Session, event: Event) -> None:
    """Play one event in a savepoint of its own: one refused (a rep out that day) is skipped."""
    savepoint = session.begin_nested()
    try:
        event.play()
    except KickoffError:
        savepoint.rollback()
    else:
        savepoint.commit()


def _launch(session: Session, program: Program, now: datetime) -> None:
    queue_welcomes(session=session, program=program, now=now)


def _first_reps(session: Session, program: Program) -> list[Membership]:
    """The first two reps by name."""
    return list(session.scalars(
        select(Membership).join(Person, Person.id == Membership.person_id)
        .join(MembershipRole, MembershipRole.membership_id == Membership.id)
        .where(Membership.program_id == program.id, Membership.active.is_(True),
               MembershipRole.role == Role.REP).order_by(Person.name).limit(2)))


def _standup_events(session: Session, program: Program) -> list[Event]:
    """The first two reps answer Day 1 at 09:30 their time, the first with a blocker, which
    their manager resolves the next day at noon."""
    days, events = standup_days(program), []
    if not days:
        return []
    for number, member in enumerate(_first_reps(session, program)):
        answered = at_local(days[0].date, time(9, 30 + 10 * number), member.person.timezone)
        blocker = f"{EXAMPLE} one blocker" if number == 0 else None
        events.append(Event(answered, _answer(session, program, member.person, answered,
                                              blocker)))
        if blocker and member.manager is not None:
            manager = member.manager
            resolved = at_local(days[0].date + timedelta(days=1), time(12), manager.timezone)
            events.append(Event(resolved, partial(_resolve, session, program, manager, resolved)))
    return events


def _answer(session: Session, program: Program, rep: Person, now: datetime,
            blocker: str | None) -> Callable[[], None]:
    def answer() -> None:
        turn = StandupTurn(program_id=program.id, rep_user_id=rep.slack_user_id,
                           actor_user_id=rep.slack_user_id, number=1, now=now)
        submit_answer(session=session, turn=turn, opened_revision=0, raw={
            Field.ACTIVITY: f"{EXAMPLE} one new activity", Field.WIN: f"{EXAMPLE} one small win",
            Field.BLOCKER: blocker})

    return answer


def _resolve(session: Session, program: Program, manager: Person, now: datetime) -> None:
    answer = session.scalars(select(StandupAnswer).where(
        StandupAnswer.program_id == program.id, StandupAnswer.blocker.is_not(None))).first()
    if answer is not None:
        resolve_blocker(session=session, answer_id=answer.id,
                        actor=Actor(slack_user_id=manager.slack_user_id), now=now)


def _coaching_events(session: Session, program: Program) -> list[Event]:
    """The first session of week 2 is logged at 16:00 on its due day; the rep disputes it the
    next morning."""
    monday = program_week(program, 2).monday
    materialise_items(session=session, program=program,
                      now=at_local(monday, time(0), program.timezone))
    item = session.scalars(select(CoachingItem).where(CoachingItem.program_id == program.id)
                           .order_by(CoachingItem.due_date, CoachingItem.id)).first()
    if item is None:
        return []
    logged = at_local(item.due_date, time(16), item.manager.timezone)
    disputed = at_local(item.due_date + timedelta(days=1), time(9, 30), item.rep.timezone)
    values = {F.HELD_ON: item.due_date.isoformat(), **LOGGED[item.cadence]}

    def log() -> None:
        record_log(session=session, item_id=item.id, actor=Actor(item.manager.slack_user_id),
                   form=LogForm(LoggedStatus.DONE, dict(values)), now=logged)

    def dispute() -> None:
        answer_log(session=session, item_id=item.id, revision=item.revision,
                   rep_slack_id=item.rep.slack_user_id, answer=Confirmation.DISPUTED,
                   now=disputed)

    return [Event(logged, log), Event(disputed, dispute)]


def _calibration_event(session: Session, program: Program, start: datetime) -> Event:
    """Enablement starts a rubric calibration at T-7, 10:00 (or when the preview starts, if
    later), closing four days on: every manager is asked to score the call."""
    at = max(start, at_local(program.kickoff_date - timedelta(days=7), time(10),
                             program.timezone))
    closes_on = local_date(at + timedelta(days=4), program.timezone)

    def begin() -> None:
        start_calibration(session=session, program_id=program.id,
                          actor=Actor("(preview)", is_kickoff_admin=True),
                          call_link="https://example.com/example-call",
                          closes_on=closes_on.isoformat(), now=at)

    return Event(at, begin)


def _metrics_events(session: Session, program: Program) -> list[Event]:
    """The first rep reports week 1's numbers at 16:30 their time on its last standup day (one
    of each metric asked), which their manager then gets to confirm or correct."""
    days, reps = standup_days(program), _first_reps(session, program)
    if not days or not reps:
        return []
    rep = reps[0].person
    reported = at_local(days[-1].date, time(16, 30), rep.timezone)

    def report() -> None:
        form = report_form(session=session, program_id=program.id, rep_id=rep.id, week=1,
                           kind=ReportKind.WEEK, actor_user_id=rep.slack_user_id)
        rows, errors = read_values(form, {metric.key: "1" for metric in form.metrics})
        if not errors:
            save_report(session=session, form=form, rows=rows, now=reported)
            queue_review(session=session, form=form, rows=rows, now=reported)

    return [Event(reported, report)]


def _decision_events(session: Session, program: Program) -> list[Event]:
    """The first leader (or enablement, or admin) records a decision an hour after the
    read-out is posted, owning it themselves."""
    decider = session.scalars(
        select(Person).join(Membership, Membership.person_id == Person.id)
        .join(MembershipRole, MembershipRole.membership_id == Membership.id)
        .where(Membership.program_id == program.id, Membership.active.is_(True),
               MembershipRole.role.in_(DECIDERS)).order_by(Person.name)).first()
    if decider is None:
        return []
    decided = readout_posted_at(program) + timedelta(hours=1)
    values = DecisionValues(intervention=Intervention.ONE_ON_ONES, custom=None,
                            verdict=Verdict.KEEP, owner=decider.slack_user_id,
                            reason=f"{EXAMPLE} one line of reason")

    def decide() -> None:
        record_decision(session=session, actor=Actor(decider.slack_user_id),
                        program_id=program.id, values=values, now=decided)

    return [Event(decided, decide)]
