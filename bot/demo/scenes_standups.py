"""Demo scenes: the week-1 standups, rep by rep around the world. The real dispatcher sends
prompts, reminders and the channel's thread as they fall due; the reps' clicks call the services
the listeners call, with an explicit `now`, and what the listener would answer them is shown."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time
from functools import partial

from sqlalchemy import select

from bot.blocks.render.page import Shown, modal_shown
from bot.blocks.standup import build_standup_answered, build_standup_out_today
from bot.blocks.standup_modal import build_standup_modal
from bot.blocks.standup_refs import DayRef, ModalRef
from bot.blocks.standup_typing import build_typing_reply
from bot.demo.script_standups import ANSWERS, OUT_TODAY, RESOLVED_BY, TYPED, Answer
from bot.demo.stage import Stage, shell
from bot.demo.world import PEOPLE, PROGRAM, person, reader
from bot.domain.local_time import at_local, zone
from bot.domain.standups.days import StandupDay
from bot.domain.standups.fields import Field
from bot.services.actor import Actor
from bot.services.standups.answer import submit_answer
from bot.services.standups.out_today import mark_out_today
from bot.services.standups.resolve import resolve_blocker
from bot.services.standups.schedule import closes_at, standup_days
from bot.services.standups.turn import StandupTurn
from bot.services.standups.typed_dm import reply_to_typing
from db.models import Program, StandupAnswer

Step = tuple[datetime, Callable[[datetime], None]]
EARLIEST = "Pacific/Chatham"  # the first zone to reach a day's 09:00


def day_one(stage: Stage) -> None:
    """Day 1 at each rep's 09:00: answers (one typed into the DM, one with a blocker that tries
    to ping everyone), one rep out, reminders for the others, the manager clearing a blocker."""
    program, days = _program(stage)
    first = days[0]
    stage.scene("Standup Day 1 at each rep's 09:00, from Chatham to Los Angeles",
                at_local(first.date, time(9), EARLIEST), EARLIEST)
    steps = _steps(stage, program, days, day_numbers={1}, narrate=True)
    rep, day, clock, text = TYPED
    steps.append((_local(days[day - 1], rep, clock), partial(_typed, stage, rep, text)))
    manager, clock = RESOLVED_BY
    steps.append((_local(first, manager, clock), partial(_resolve, stage, manager)))
    _play(stage, steps)


def rest_of_week(stage: Stage) -> None:
    """Days 2 to 5: most reps keep answering, some miss days; Monday's audit counts the week so
    far; at the end, the week's figures from the shell."""
    program, days = _program(stage)
    stage.scene("Standup days 2 to 5: most reps keep answering, a few miss days",
                at_local(days[1].date, time(9), EARLIEST), EARLIEST)
    _play(stage, _steps(stage, program, days, day_numbers={2, 3, 4, 5},
                        narrate=stage.story.full))
    answered = sum(1 for a in ANSWERS if a.day > 1)
    stage.story.say(f"Over days 2 to 5 the reps answered {answered} of {4 * 7} standups; Ben "
                    "answered only once, after a reminder, and Olivia was out on Day 4.")
    closed = max(closes_at(days[-1], p.tz) for p in PEOPLE)  # the week is over everywhere
    stage.timeline.advance_to(closed)
    if not stage.story.full:
        return
    at = closed.astimezone(zone(program.timezone))  # the shell reads --at in the program's zone
    shell(["standups", PROGRAM, "--at", f"{at:%Y-%m-%dT%H:%M}"])


def _program(stage: Stage) -> tuple[Program, list[StandupDay]]:
    with stage.runtime.session_factory() as session:
        program = stage.runtime.program(session, PROGRAM)
    return program, standup_days(program)


def _steps(stage: Stage, program: Program, days: list[StandupDay], *, day_numbers: set[int],
           narrate: bool) -> list[Step]:
    steps: list[Step] = [
        (_local(days[a.day - 1], a.rep, a.at),
         partial(_answer, stage, program, days[a.day - 1], a, narrate and a.rep == "U0ARO"))
        for a in ANSWERS if a.day in day_numbers
    ]
    steps += [(_local(days[n - 1], rep, clock), partial(_out_today, stage, program, days[n - 1],
                                                        rep))
              for rep, n, clock in OUT_TODAY if n in day_numbers]
    return steps


def _play(stage: Stage, steps: list[Step]) -> None:
    for when, step in sorted(steps, key=lambda item: item[0]):
        stage.timeline.advance_to(when)
        step(when)


def _local(day: StandupDay, slack_id: str, clock: str) -> datetime:
    return at_local(day.date, time.fromisoformat(clock), person(slack_id).tz)


def _typed(stage: Stage, user: str, text: str, when: datetime) -> None:
    with stage.runtime.session_factory() as session:
        reply = reply_to_typing(session=session, slack_user_id=user, text=text, now=when)
    stage.story.say(f'{person(user).name} types into the DM instead: "{text}". The bot answers:')
    stage.show(user, Shown(at=when, surface="message", where="DM", what="answer to a typed DM",
                           blocks=build_typing_reply(reply, rep_user_id=user)))


def _turn(program: Program, day: StandupDay, user: str, when: datetime) -> StandupTurn:
    """The rep acting on their own day."""
    return StandupTurn(program_id=program.id, rep_user_id=user, actor_user_id=user,
                       number=day.number, now=when)


def _out_today(stage: Stage, program: Program, day: StandupDay, user: str, when: datetime) -> None:
    with stage.runtime.session_factory.begin() as session:
        mark_out_today(session=session, turn=_turn(program, day, user, when))
    stage.story.say(f'{person(user).name} clicks "Out today" on the {day.label} prompt.')
    rep = reader(user)
    stage.story.message(rep, Shown(
        at=when, surface="message", where="DM, the prompt updated in place",
        what="standup prompt, marked out today",
        blocks=build_standup_out_today(day=day, ref=DayRef(program.id, user, day.number))),
        key=f"out:{user}:{day.number}", edits=stage.story.last_key(rep))


def _answer(stage: Stage, program: Program, day: StandupDay, answer: Answer, show_modal: bool,
            when: datetime) -> None:
    raw = {Field.ACTIVITY: answer.activity, Field.WIN: answer.win, Field.BLOCKER: answer.blocker}
    with stage.runtime.session_factory.begin() as session:
        done = submit_answer(session=session, turn=_turn(program, day, answer.rep, when),
                             opened_revision=0, raw=raw, follow=answer.done)
    assert done.text is not None
    if show_modal:
        stage.story.say(f'{person(answer.rep).name} clicks "Answer" and fills in the modal:')
        modal = build_standup_modal(day=day, ref=ModalRef(program.id, answer.rep, day.number, 0),
                                    channel=program.standup_channel, initial=done.text)
        stage.show(answer.rep, modal_shown(modal, at=when, what="standup answer form"))
    rep = reader(answer.rep)
    stage.story.message(rep, Shown(
        at=when, surface="message", where="DM, the prompt updated in place",
        what="standup prompt, answered", blocks=build_standup_answered(
            day=day, text=done.text, channel=program.standup_channel, ref=None)),
        key=f"answered:{answer.rep}:{day.number}", edits=stage.story.last_key(rep))


def _resolve(stage: Stage, manager: str, when: datetime) -> None:
    with stage.runtime.session_factory.begin() as session:
        query = select(StandupAnswer.id).where(StandupAnswer.blocker.is_not(None))
        resolve_blocker(session=session, answer_id=session.scalars(query).first() or 0,
                        actor=Actor(slack_user_id=manager), now=when)
    stage.story.say(f'{person(manager).name} clicks "Resolved" on the blocker in her DM.')
