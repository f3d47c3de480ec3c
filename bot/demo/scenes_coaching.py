"""Demo scenes: weeks 2 to 4 of coaching. Digests reach each manager at 09:00 their time (the
real dispatcher sends them); managers log their sessions, each rep gets a DM and confirms or
disputes it. Runs on the simulated clock: the services the listeners call, with an explicit
`now`."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from functools import partial
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.blocks.coaching.log_modal import build_log_modal
from bot.blocks.coaching.receipts import build_log_receipt
from bot.blocks.render.page import Shown, modal_shown
from bot.demo.script_coaching import BETTER, FIELDS, LOGS, REVIEW, SHOWN, SKIP_REASON, Log
from bot.demo.stage import Stage, shell
from bot.demo.world import PROGRAM, person, reader
from bot.domain.coaching.log_form import LogForm
from bot.domain.local_time import at_local, zone
from bot.ids import CoachingField as F
from bot.services.actor import Actor
from bot.services.coaching.calendar import program_week
from bot.services.coaching.confirmation import answer_log
from bot.services.coaching.log_entry import record_log
from bot.services.coaching.occurrences import materialise_items
from db.models import CoachingItem, LoggedStatus, Person, Program

FIRST_MORNING = "Asia/Kolkata"  # Priya's 09:00 is the first of the three managers'
Step = tuple[datetime, Callable[[datetime], None]]


def program_of(stage: Stage) -> Program:
    """The demo's program, read afresh."""
    with stage.runtime.session_factory() as session:
        return stage.runtime.program(session, PROGRAM)


def week_two_begins(stage: Stage) -> None:
    """Monday of week 2: each manager's digest at 09:00 their time (and, unprinted, the audit
    of the week before, which had no coaching)."""
    monday = program_week(program_of(stage), 2).monday
    stage.scene("Week 2 begins: each manager's coaching digest at 09:00 their time",
                at_local(monday, time(9), FIRST_MORNING), FIRST_MORNING)
    stage.timeline.advance_to(at_local(monday, time(9, 1), person("U0MAR").tz))


def log_week(stage: Stage, week: int, *, until: datetime) -> None:
    """The managers log week `week`'s sessions; each rep answers their DM the next morning
    (those whose morning comes after `until`, the next scene, do not answer in the story)."""
    program = program_of(stage)
    monday = program_week(program, week).monday
    start = at_local(monday + timedelta(days=2), time(9), FIRST_MORNING)
    stage.scene(f"Week {week}: managers log their coaching, some well, some not", start,
                FIRST_MORNING)
    with stage.runtime.session_factory.begin() as session:
        materialise_items(session=session, program=program, now=start)
    steps: list[Step] = []
    for log in (log for log in LOGS if log.week == week):
        due = _item(stage, log).due_date + timedelta(days=log.late)
        steps.append((at_local(due, time(16, 30), person(log.manager).tz),
                      partial(_log, stage, log)))
        if log.answer is not None:
            steps.append((_next_morning(due, person(log.rep).tz), partial(_answer, stage, log)))
    for when, step in sorted((s for s in steps if s[0] < until), key=lambda item: item[0]):
        stage.timeline.advance_to(when)
        step(when)
    if week == 2 and stage.story.full:
        sunday = at_local(monday + timedelta(days=6), time(12), program.timezone)
        stage.timeline.advance_to(sunday)
        shell(["coaching", PROGRAM, "--manager", "Marcus Reed", "--at",
               f"{sunday.astimezone(zone(program.timezone)):%Y-%m-%dT%H:%M}"])


def _next_morning(day: date, tz: str) -> datetime:
    """10:00 on the rep's next working day (the DM reaches them in their working hours)."""
    day += timedelta(days=1)
    while day.isoweekday() > 5:
        day += timedelta(days=1)
    return at_local(day, time(10), tz)


def _item(stage: Stage, log: Log) -> CoachingItem:
    with stage.runtime.session_factory() as session:
        return _find(session, log)


def _find(session: Session, log: Log) -> CoachingItem:
    return session.scalars(select(CoachingItem).join(
        Person, Person.id == CoachingItem.rep_id).where(
        CoachingItem.week == log.week, CoachingItem.cadence == log.cadence,
        Person.slack_user_id == log.rep)).one()


def _values(log: Log, due: date) -> dict[F, str]:
    if log.outcome is LoggedStatus.SKIPPED:
        return dict(SKIP_REASON)
    if log.outcome is LoggedStatus.RESCHEDULED:
        return {F.RESCHEDULED_TO: (due + timedelta(days=1)).isoformat()}
    better = BETTER if log.week == 4 and log.cadence is REVIEW else {}
    # Asked only once a behaviour was agreed (a call review held before): week 3 partly, then yes.
    changed = {F.BEHAVIOUR_CHANGED: "partly" if log.week == 3 else "yes"}
    return {F.HELD_ON: due.isoformat(), **FIELDS[log.cadence], **better, **changed}


def _log(stage: Stage, log: Log, when: datetime) -> None:
    with stage.runtime.session_factory.begin() as session:
        item = _find(session, log)
        values = _values(log, item.due_date + timedelta(days=log.late))
        if log == SHOWN:
            _show_modal(stage, log, item, values, when)
        result = record_log(session=session, item_id=item.id, actor=Actor(log.manager),
                            form=LogForm(log.outcome, dict(values)), now=when)
        assert result.item is not None, result.errors
    if stage.story.full:
        stage.story.say(f"{person(log.manager).name} logs {person(log.rep).name}'s "
                        f"{log.cadence.value.replace('_', ' ')} as {log.outcome.value}.")


def _show_modal(stage: Stage, log: Log, item: CoachingItem, values: dict[F, str],
                when: datetime) -> None:
    """The modal as the manager fills it in."""
    modal = build_log_modal(item, today=item.due_date)
    stage.story.say(f'{person(log.manager).name} clicks "Log" next to {person(log.rep).name} '
                    "in the digest and fills in:")
    stage.show(log.manager, modal_shown(modal, at=when, what="coaching log form",
                                        blocks=filled(modal["blocks"], values)))


def filled(blocks: list[dict[str, Any]], values: dict[F, str]) -> list[dict[str, Any]]:
    """The modal's blocks as they look once `values` are typed in (by each input's block id)."""
    shown = copy.deepcopy(blocks)
    for block in shown:
        value, element = values.get(block.get("block_id", "")), block.get("element", {})
        if block["type"] != "input" or value is None:
            continue
        options = [o for o in element.get("options", []) if o.get("value") == value]
        if options:
            element["initial_option"] = options[0]
        elif element.get("type") == "datepicker":
            element["initial_date"] = value
        else:
            element["initial_value"] = value
    return shown


def _answer(stage: Stage, log: Log, when: datetime) -> None:
    assert log.answer is not None
    with stage.runtime.session_factory.begin() as session:
        item = _find(session, log)
        answered = answer_log(session=session, item_id=item.id, revision=item.revision,
                              rep_slack_id=log.rep, answer=log.answer, now=when)
        blocks = build_log_receipt(answered, answered=log.answer)
    if log == SHOWN or log.answer is not SHOWN.answer:
        button = "Confirm" if log.answer is SHOWN.answer else "That didn't happen"
        stage.story.say(f'{person(log.rep).name} clicks "{button}".')
    rep = reader(log.rep)
    stage.story.message(rep, Shown(
        at=when, surface="message", where="DM, the message updated in place",
        what=f"logged session, {log.answer.value}", blocks=blocks),
        key=f"answer:{log.week}:{log.rep}:{log.cadence}", edits=stage.story.last_key(rep))
