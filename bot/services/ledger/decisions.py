"""Recording a decision on the read-out: checked, stored with every version kept, and posted as
a reply in the read-out's thread through the outbox (an edit updates that reply). Editable for 14
days after it was first recorded, refused after."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.blocks.decision_reply import build_decision_reply, decision_fallback
from bot.domain.kinds import DeliveryKind
from bot.domain.ledger.decisions import (
    CONFOUNDS,
    CUSTOM_MAX,
    INTERVENTIONS,
    REASON_MAX,
    VERDICTS,
    DecisionLine,
    Verdict,
    editable_until,
    intervention_key,
    intervention_name,
)
from bot.errors import InvalidField, InvalidInput
from bot.ids import DecisionField
from bot.services.actor import Actor
from bot.services.audit.weeks import audit_slots
from bot.services.ledger.policy import deciding_program
from bot.services.outbox import NOW_WINDOW, Envelope, delivery_by_key, delivery_key, queue
from db.models import (
    AuditKind,
    AuditSnapshot,
    Decision,
    DecisionRevision,
    DeliveryStatus,
    Membership,
    Person,
    Program,
)

LIVE = (DeliveryStatus.PLANNED, DeliveryStatus.CLAIMED, DeliveryStatus.SENT)


@dataclass(frozen=True)
class DecisionValues:
    """What the decision modal sent, unchecked."""

    intervention: str | None
    custom: str | None
    verdict: str | None
    owner: str | None  # a Slack user id
    reason: str | None
    confounds: tuple[str, ...] = ()


def record_decision(
    *, session: Session, actor: Actor, program_id: int, values: DecisionValues, now: datetime
) -> Decision:
    """Record (or, within its 14 days, edit) the decision on one intervention, and queue the
    reply in the read-out's thread."""
    program = deciding_program(session=session, actor=actor, program_id=program_id)
    readout_key = _readout_key(session, program)
    key = _intervention(values)
    verdict, reason, confounds = _checked(values)
    owner = _owner(session, program, values.owner)
    by = _person(session, program, actor.slack_user_id)
    decision = session.scalars(select(Decision).where(
        Decision.program_id == program.id, Decision.intervention == key)).first()
    if decision is None:
        decision = Decision(program_id=program.id, intervention=key, recorded_at=now,
                            recorded_by_id=by, version=0)
        session.add(decision)
    elif now >= editable_until(decision.recorded_at):
        raise InvalidInput(f"The decision on {intervention_name(key)} was recorded "
                           f"{decision.recorded_at:%d %b}; decisions can be edited for 14 days, "
                           "so it stands as it was.")
    decision.verdict, decision.owner_id, decision.reason = verdict, owner.id, reason
    decision.confounds, decision.version = list(confounds), decision.version + 1
    session.flush()
    session.add(DecisionRevision(decision_id=decision.id, version=decision.version,
                                 verdict=verdict, owner_id=owner.id, reason=reason,
                                 confounds=list(confounds), saved_by_id=by, saved_at=now))
    _queue_reply(session, program, decision, owner, readout_key, now)
    return decision


def decision_line(decision: Decision, owner: Person | None) -> DecisionLine:
    """A stored decision as the reply and the ledger show it."""
    return DecisionLine(
        intervention=decision.intervention, verdict=Verdict(decision.verdict),
        owner=owner.name if owner else "(erased)", reason=decision.reason,
        confounds=tuple(decision.confounds), version=decision.version,
        recorded_at=decision.recorded_at)


def _readout_key(session: Session, program: Program) -> str:
    """The outbox key of the program's read-out post, which the reply threads under (the reply
    waits for it to be sent)."""
    slot = next(s for s in audit_slots(program) if s.kind is AuditKind.READOUT)
    taken = session.scalar(select(AuditSnapshot.id).where(
        AuditSnapshot.program_id == program.id, AuditSnapshot.kind == AuditKind.READOUT))
    key = delivery_key(DeliveryKind.AUDIT_READOUT, program.id, "audit", slot.week)
    readout = delivery_by_key(session, key)
    if taken is None or (readout is not None and readout.status not in LIVE):
        raise InvalidInput(f"The read-out of {program.name} has not been posted, so there is no "
                           "thread to record decisions in.")
    return key


def _intervention(values: DecisionValues) -> str:
    custom = (values.custom or "").strip()
    if len(custom) > CUSTOM_MAX:
        raise InvalidField(DecisionField.CUSTOM, f"Keep a custom line to {CUSTOM_MAX} "
                                                 "characters.")
    if not custom and values.intervention not in INTERVENTIONS:
        raise InvalidField(DecisionField.INTERVENTION, "Pick an intervention, or type a custom "
                                                       "line.")
    return intervention_key(values.intervention or "", custom)


def _checked(values: DecisionValues) -> tuple[str, str, tuple[str, ...]]:
    if values.verdict not in VERDICTS:
        raise InvalidField(DecisionField.VERDICT, "Pick keep, change or kill.")
    reason = " ".join((values.reason or "").split())  # one line
    if not reason or len(reason) > REASON_MAX:
        raise InvalidField(DecisionField.REASON, f"Give one line of reason (up to {REASON_MAX} "
                                                 "characters).")
    if any(value not in CONFOUNDS for value in values.confounds):
        raise InvalidField(DecisionField.CONFOUNDS, "Pick confounds from the list.")
    return str(values.verdict), reason, tuple(values.confounds)


def _owner(session: Session, program: Program, slack_user_id: str | None) -> Person:
    owner = _member(session, program, slack_user_id) if slack_user_id else None
    if owner is None:
        raise InvalidField(DecisionField.OWNER, "The owner must be a person in the program.")
    return owner


def _person(session: Session, program: Program, slack_user_id: str) -> int | None:
    member = _member(session, program, slack_user_id)
    return member.id if member else None  # a kickoff admin outside the program


def _member(session: Session, program: Program, slack_user_id: str) -> Person | None:
    return session.scalars(
        select(Person).join(Membership, Membership.person_id == Person.id).where(
            Membership.program_id == program.id, Membership.active.is_(True),
            Person.active.is_(True), Person.slack_user_id == slack_user_id)
    ).first()


def _queue_reply(session: Session, program: Program, decision: Decision, owner: Person,
                 readout_key: str, now: datetime) -> None:
    """The reply under the read-out; an edit updates the first reply's message."""
    kind = DeliveryKind.DECISION_REPLY
    first = delivery_key(kind, program.id, "decision", f"{decision.id}.1")
    line = decision_line(decision, owner)
    queue(session, [Envelope(
        key=delivery_key(kind, program.id, "decision", f"{decision.id}.{decision.version}"),
        kind=kind, workspace_id=program.workspace_id, program_id=program.id, person_id=None,
        channel=program.audit_channel, text=decision_fallback(line),
        blocks=build_decision_reply(line), due_at=now, window_end=now + NOW_WINDOW,
        thread_key=readout_key if decision.version == 1 else None,
        update_key=first if decision.version > 1 else None,
    )], now=now)
