"""Demo scene: Day 1 of the week-1 standups, rep by rep around the world. Runs on the demo's
simulated clock: the real dispatcher sends prompts, replies and reminders as they fall due, and
the reps' clicks call the services the listeners call, with an explicit `now`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time
from functools import partial

from sqlalchemy import select

from bot.blocks.standup import build_standup_answered, build_standup_out_today
from bot.blocks.standup_modal import build_standup_modal
from bot.blocks.standup_refs import DayRef, ModalRef
from bot.blocks.standup_typing import build_typing_reply
from bot.demo.stage import Stage, shell
from bot.demo.transcript import render_blocks
from bot.demo.world import PEOPLE, DemoPerson
from bot.domain.local_time import at_local, zone
from bot.domain.standups.days import StandupDay
from bot.domain.standups.fields import Field
from bot.services.actor import Actor
from bot.services.programs import find_program
from bot.services.standups.answer import submit_answer
from bot.services.standups.out_today import mark_out_today
from bot.services.standups.resolve import resolve_blocker
from bot.services.standups.schedule import closes_at, standup_days
from bot.services.standups.turn import StandupTurn
from bot.services.standups.typed_dm import reply_to_typing
from db.models import Program, ProgramStatus, StandupAnswer

# Who answers Day 1, at what local time: (slack id, hh:mm, activity, win, blocker).
Answer = tuple[str, str, str | None, str, str | None]
ANSWERS: tuple[Answer, ...] = (
    (
        "U0ARO",
        "09:10",
        "Multi-thread the Kauri deal: meet their CFO",
        "Pilot signed with Tui Telecom",
        "Legal wants <!channel> sign-off on the pilot terms",
    ),
    ("U0ARJ", "09:20", None, "First discovery call booked with Globex", None),
    (
        "U0LEN",
        "09:05",
        "Run the new discovery questions on three calls",
        "Renewal at Initech closed a week early",
        None,
    ),
    (
        "U0ANA",
        "09:25",
        "Ask Acme for a second meeting with procurement",
        "My manager reviewed my call and it helped",
        None,
    ),
)
TYPED = ("U0ARJ", "09:15", "Today I will call Globex back about the pilot")
OUT_TODAY = ("U0OLI", "08:50")
PRIYA = "U0PRI"


def scene(stage: Stage, *, program_name: str) -> None:
    """Day 1: prompts at each rep's 09:00, answers (one typed into the DM, one with a blocker
    that tries to ping everyone), one rep out today, one reminder, the thread, the figures."""
    print("\n=== Reps: week-1 standups, Day 1 ===")
    with stage.runtime.session_factory() as session:
        program = find_program(
            session=session, workspace=stage.runtime.workspace(session), ref=program_name
        )
        if program.status is not ProgramStatus.ACTIVE:
            print(f"\n  ({program_name} is {program.status}: launch it to see standups.)")
            return
    day = standup_days(program)[0]
    steps: list[tuple[datetime, Callable[[datetime], None]]] = [
        (_local(day, TYPED[0], TYPED[1]), partial(_typed, stage, TYPED)),
        (_local(day, *OUT_TODAY), partial(_out_today, stage, program, day, OUT_TODAY[0])),
        *((_local(day, a[0], a[1]), partial(_answer, stage, program, day, a)) for a in ANSWERS),
        (_local(day, "U0ARO", "10:30"), partial(_resolve, stage, PRIYA)),
    ]
    for when, step in sorted(steps, key=lambda item: item[0]):
        stage.timeline.advance_to(when)
        step(when)
    closed = max(closes_at(day, p.tz) for p in PEOPLE)  # Day 1 is over everywhere
    stage.timeline.advance_to(closed)
    at = closed.astimezone(zone(program.timezone))  # the shell reads --at in the program's zone
    shell(["standups", program_name, "--at", f"{at:%Y-%m-%dT%H:%M}"])


def _local(day: StandupDay, slack_id: str, clock: str) -> datetime:
    return at_local(day.date, time.fromisoformat(clock), _person(slack_id).tz)


def _person(slack_id: str) -> DemoPerson:
    return next(p for p in PEOPLE if p.slack_id == slack_id)


def _typed(stage: Stage, typed: tuple[str, str, str], when: datetime) -> None:
    user, _, text = typed
    with stage.runtime.session_factory() as session:
        reply = reply_to_typing(session=session, slack_user_id=user, text=text, now=when)
    print(f'\n  {_person(user).name} types into the DM instead: "{text}". The bot answers:')
    _print(render_blocks(build_typing_reply(reply, rep_user_id=user)))


def _own_turn(program: Program, day: StandupDay, user: str, when: datetime) -> StandupTurn:
    """The rep acting on their own day."""
    return StandupTurn(program_id=program.id, rep_user_id=user, actor_user_id=user,
                       number=day.number, now=when)


def _out_today(stage: Stage, program: Program, day: StandupDay, user: str, when: datetime) -> None:
    with stage.runtime.session_factory.begin() as session:
        mark_out_today(session=session, turn=_own_turn(program, day, user, when))
    print(f'\n  {_person(user).name} clicks "Out today"; the prompt now reads:')
    _print(render_blocks(build_standup_out_today(day=day, ref=DayRef(program.id, user, 1))))


def _answer(
    stage: Stage, program: Program, day: StandupDay, answer: Answer, when: datetime
) -> None:
    user, _, activity, win, blocker = answer
    with stage.runtime.session_factory.begin() as session:
        done = submit_answer(
            session=session,
            turn=_own_turn(program, day, user, when),
            opened_revision=0,
            raw={Field.ACTIVITY: activity or TYPED[2], Field.WIN: win, Field.BLOCKER: blocker},
        )
    assert done.text is not None
    modal = build_standup_modal(
        day=day,
        ref=ModalRef(program.id, user, day.number, 0),
        channel=program.standup_channel,
        initial=done.text,
    )
    print(f'\n  {_person(user).name} clicks "Answer" and fills in the modal:')
    for block in modal["blocks"][1:]:
        print(f"    [{block['label']['text']}] {block['element'].get('initial_value', '')}")
    print("  The prompt is updated in place:")
    _print(
        render_blocks(
            build_standup_answered(
                day=day, text=done.text, channel=program.standup_channel, ref=None
            )
        )
    )


def _resolve(stage: Stage, manager: str, when: datetime) -> None:
    with stage.runtime.session_factory.begin() as session:
        query = select(StandupAnswer.id).where(StandupAnswer.blocker.is_not(None))
        resolve_blocker(
            session=session,
            answer_id=session.scalars(query).one(),
            actor=Actor(slack_user_id=manager),
            now=when,
        )
    print(f'\n  {_person(manager).name} clicks "Resolved" on the blocker in her DM.')


def _print(lines: list[str]) -> None:
    for line in lines:
        print(line)
