"""Demo scene: a manager's coaching digest, then a call review logged with the rubric, the rep's
confirmation, and the coaching record from the shell. Runs on the demo's simulated clock, so
it calls the same services the listeners call, with an explicit `now`."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.blocks.coaching.log_modal import build_log_modal
from bot.blocks.coaching.receipts import build_log_receipt
from bot.demo.stage import Stage, shell
from bot.demo.transcript import render_blocks
from bot.domain.coaching.log_form import LogForm
from bot.domain.kinds import DeliveryKind
from bot.domain.local_time import at_local, zone
from bot.ids import CoachingField as F
from bot.services.actor import Actor
from bot.services.coaching.calendar import program_week
from bot.services.coaching.confirmation import answer_log
from bot.services.coaching.log_entry import record_log
from bot.services.programs import find_program
from db.models import (
    CadenceType,
    CoachingItem,
    Confirmation,
    Delivery,
    LoggedStatus,
    Person,
    Program,
    ProgramStatus,
)
from scheduler.planning import plan_all
from scheduler.plans.coaching import CoachingDigestPlanner

MANAGER = "U0MAR"  # Marcus Reed, Los Angeles; his reps are Ana and Ben
REVIEW = {
    F.WON_CALL_LINK: "https://gong.example.com/call/won-acme",
    F.LOST_CALL_LINK: "https://gong.example.com/call/lost-globex",
    F.SCORE_DISCOVERY: "3", F.SCORE_MULTI_THREADING: "2", F.SCORE_OBJECTION_HANDLING: "4",
    F.SCORE_NEXT_STEP: "2", F.SCORE_VALUE_ARTICULATION: "3",
    F.AGREED_BEHAVIOUR: "Close every call with a dated next step in the customer's calendar",
    F.NOTES: "Good discovery on Acme; on Globex we never reached the economic buyer.",
}


def scene(stage: Stage, *, program_name: str) -> None:
    """Marcus's digest on the first day of week 2; on Thursday he logs Ana's call review."""
    print("\n=== Managers: coaching nudges and logging ===")
    with stage.runtime.session_factory.begin() as session:
        program = find_program(session=session, workspace=stage.runtime.workspace(session),
                               ref=program_name)
        if program.status is not ProgramStatus.ACTIVE:
            print(f"\n  ({program_name} is {program.status}: launch it to see coaching.)")
            return
        marcus = session.scalars(select(Person).where(Person.slack_user_id == MANAGER)).one()
        _show_digest(session, program, marcus)
        logged_at = _log_call_review(session, marcus)
        tz = program.timezone
    later = (logged_at + timedelta(hours=1)).astimezone(zone(tz))  # --at is read in this zone
    shell(["coaching", program_name, "--manager", marcus.name, "--at", f"{later:%Y-%m-%dT%H:%M}"])


def _show_digest(session: Session, program: Program, marcus: Person) -> None:
    """Plan the digests of the first day of week 2 and print Marcus's."""
    week = program_week(program, 2)
    opening = at_local(week.monday, time(9), marcus.timezone)
    plan_all(session, [CoachingDigestPlanner()], now=opening)
    digest = session.scalars(select(Delivery).where(
        Delivery.kind == DeliveryKind.COACHING_DIGEST, Delivery.person_id == marcus.id,
        Delivery.due_at == opening,
    )).one()
    print(f"\n  {week.monday:%A %d %B}, 09:00 in Los Angeles: {marcus.name} gets a DM:")
    _print(render_blocks(digest.blocks or []))


def _log_call_review(session: Session, marcus: Person) -> datetime:
    """Marcus logs his first week-2 call review on its due day; the rep confirms it."""
    review = session.scalars(select(CoachingItem).where(
        CoachingItem.manager_id == marcus.id, CoachingItem.week == 2,
        CoachingItem.cadence == CadenceType.CALL_REVIEW,
    ).order_by(CoachingItem.id)).first()
    assert review is not None
    due, rep = review.due_date, review.rep
    logged_at = at_local(due, time(16, 30), marcus.timezone)
    print(f"\n  {due:%A}, after the review, {marcus.name} clicks \"Log\" next to {rep.name}:")
    _print(_render_modal(build_log_modal(review, today=due)["blocks"]))
    values = {F.HELD_ON: due.isoformat(), **REVIEW}
    _print([f"    {field.value}: {value}" for field, value in values.items()])
    result = record_log(session=session, item_id=review.id, actor=Actor(MANAGER),
                        form=LogForm(LoggedStatus.DONE, values), now=logged_at)
    assert result.item is not None
    print(f"\n  {rep.name} gets a DM (only she and {marcus.name} see the notes):")
    _print(render_blocks(build_log_receipt(result.item)))
    answered = answer_log(session=session, item_id=review.id, revision=result.item.revision,
                          rep_slack_id=rep.slack_user_id, answer=Confirmation.CONFIRMED,
                          now=logged_at + timedelta(minutes=20))
    print("\n  She clicks Confirm; her message now reads:")
    _print(render_blocks(build_log_receipt(answered, answered=Confirmation.CONFIRMED)))
    return logged_at


def _render_modal(blocks: list[dict[str, object]]) -> list[str]:
    """A modal as text: its sections, and each input's label."""
    lines = []
    for block in blocks:
        if block["type"] == "input":
            label = block["label"]
            assert isinstance(label, dict)
            lines.append(f"    [{label['text']}]")
        elif block["type"] == "actions":  # the held / rescheduled / skipped choice
            lines.append("    (o) Held  ( ) Rescheduled  ( ) Skipped")
        else:
            lines += render_blocks([block])
    return lines


def _print(lines: list[str]) -> None:
    for line in lines:
        print(line)
