"""`kickoff-bot program create|edit|list|show|launch|pause|resume|end|archive|preview`
(`copy` and `break-even`: bot/cli/program_copy.py)."""

from __future__ import annotations

import argparse
from typing import Any

from bot.cli.failures import in_options
from bot.cli.launch import launch_lines
from bot.cli.preview import add_preview_parser
from bot.cli.program_copy import add_copy_parsers
from bot.cli.program_show import DAY_NAMES, changed_words, program_lines
from bot.cli.retention import add_retention_parser
from bot.cli.runtime import Runtime
from bot.domain.export import json_text
from bot.domain.program_spec import WEEKDAY_NAMES, split_working_hours
from bot.errors import InvalidField, InvalidInput
from bot.services.launch import move_program
from bot.services.programs import (
    TRANSITIONS,
    create_program,
    describe_program,
    edit_program,
    list_programs,
)
from bot.settings import Settings
from bot.slack.channels import ensure_postable

# CLI option -> ProgramSpec field; each is optional on `edit`.
SETTING_OPTIONS = {
    "--name": "name",
    "--kickoff-date": "kickoff_date",
    "--standup-channel": "standup_channel",
    "--audit-channel": "audit_channel",
    "--event-days": "event_days",
    "--timezone": "timezone",
    "--working-days": "working_days",
    "--holidays": "holidays",
    # Not one spec field: it stands for work_start and work_end (split_working_hours).
    "--working-hours": "working_hours",
    "--standup-time": "standup_time",
    "--reminder-time": "reminder_time",
    "--coaching-due-day": "coaching_due_weekday",
    "--standup-days": "standup_days",
    "--one-on-one-target": "one_on_one_target",
    "--baseline-completion": "baseline_completion",
    "--readout-day": "readout_day",
}
HELP = {
    "name": "program name (unique)",
    "kickoff_date": "first day of the kickoff event, YYYY-MM-DD",
    "standup_channel": "channel id where standup answers are posted (C...)",
    "audit_channel": "channel id for the weekly audit and read-out (C...)",
    "event_days": "length of the event: 1 or 2 days (default 1)",
    "timezone": "IANA time zone of the program (default DEFAULT_TIMEZONE)",
    "working_days": "comma-separated days, e.g. mon,tue,wed,thu,fri (the default)",
    "holidays": "comma-separated dates YYYY-MM-DD with no sends",
    "working_hours": "each person's working window in their own time, HH:MM-HH:MM (default "
                     "08:00-18:00); the bot's DMs wait for it, and standup, reminder and survey "
                     "times must fall inside it",
    "standup_time": "local time of standup prompts, HH:MM (default 09:00)",
    "reminder_time": "local time of standup reminders, HH:MM (default 11:00)",
    "coaching_due_weekday": "day of each program week coaching is due, e.g. thu (the default)",
    "standup_days": "working days after the event with a daily standup (default 5)",
    "one_on_one_target": "manager 1:1 completion target of the audit, 0-1 (default 0.95)",
    "baseline_completion": "typical pre-kickoff 1:1 completion, 0-1 (default 0.60)",
    "readout_day": "day after the kickoff of the governance read-out (default 32)",
}
# Refusals name the option typed; the two ends of the window were typed as one option.
OPTION_OF = {field: option for option, field in SETTING_OPTIONS.items()} | {
    "work_start": "--working-hours", "work_end": "--working-hours"}
# The moves that cannot be undone, and what the operator confirms with --yes.
FINAL = {
    "end": "nothing more is sent, and an ended program cannot be resumed or edited",
    "archive": "the program is put away for good and never sends again",
}
AGAIN = "run the command again"  # what to do after fixing a channel
CHANNEL_FIELDS = ("standup_channel", "audit_channel")
CHECKED_MOVES = ("launch", "resume")  # the moves after which the bot posts in the channels
REQUIRED_ON_CREATE = ("name", "kickoff_date", "standup_channel", "audit_channel")


def add_parser(subparsers: Any) -> None:
    """Register `program` and its actions."""
    parser = subparsers.add_parser("program", help="create and run kickoff programs")
    actions = parser.add_subparsers(dest="program_command", required=True, metavar="ACTION")
    create = actions.add_parser("create", help="create a draft program")
    _add_setting_options(create, required=REQUIRED_ON_CREATE)
    create.set_defaults(run=run_create)
    edit = actions.add_parser("edit", help="change settings of a program")
    edit.add_argument("program", help="program name or id")
    _add_setting_options(edit, required=())
    edit.set_defaults(run=run_edit)
    listing = actions.add_parser("list", help="list programs")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(run=run_list)
    show = actions.add_parser("show", help="show every setting of a program")
    show.add_argument("program", help="program name or id")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(run=run_show)
    for action in TRANSITIONS:
        move = actions.add_parser(action, help=f"{action} a program")
        move.add_argument("program", help="program name or id")
        if action in FINAL:
            move.add_argument("--yes", action="store_true",
                              help=f"confirm: {FINAL[action]}")
        move.set_defaults(run=run_transition, action=action)
    add_preview_parser(actions)
    add_retention_parser(actions)
    add_copy_parsers(actions)


def _add_setting_options(parser: argparse.ArgumentParser, *, required: tuple[str, ...]) -> None:
    for option, field in SETTING_OPTIONS.items():
        parser.add_argument(option, dest=field, required=field in required, help=HELP[field])


def _changes(args: argparse.Namespace) -> dict[str, Any]:
    """The settings given on the command line, in the shapes ProgramSpec validates."""
    changes: dict[str, Any] = {}
    for field in SETTING_OPTIONS.values():
        value = getattr(args, field, None)
        if value is None:
            continue
        if field == "working_days":
            changes[field] = [_weekday(day, "--working-days") for day in value.split(",")
                              if day.strip()]
        elif field == "coaching_due_weekday":
            changes[field] = _weekday(value, "--coaching-due-day")
        elif field == "working_hours":
            try:
                changes |= split_working_hours(value)
            except InvalidField as refusal:
                raise in_options(refusal, OPTION_OF) from None
        elif field == "holidays":
            changes[field] = [day.strip() for day in value.split(",") if day.strip()]
        else:
            changes[field] = value
    return changes


def _weekday(name: str, option: str) -> int:
    key = name.strip().lower()
    for number, day in enumerate(WEEKDAY_NAMES, start=1):
        if key == day or (len(key) > 3 and DAY_NAMES[number - 1].lower().startswith(key)):
            return number
    raise InvalidInput(f"{option}: {name.strip()!r} is not a day; write mon, tue, wed, thu, fri, "
                       "sat or sun")


def run_create(args: argparse.Namespace, settings: Settings) -> int:
    """Create a draft program and print it."""
    runtime = Runtime(settings)
    values = {"timezone": settings.default_timezone} | _changes(args)
    with runtime.session_factory.begin() as session:
        try:
            program = create_program(session=session, workspace=runtime.workspace(session),
                                     values=values, today=runtime.today())
        except InvalidField as refusal:
            raise in_options(refusal, OPTION_OF) from None
        ensure_postable(runtime.client, [program.standup_channel, program.audit_channel],
                        then=AGAIN)
        print(
            f"created draft program {program.name!r} (id {program.id}); "
            f"nothing is sent until `kickoff-bot program launch {program.id}`"
        )
    return 0


def run_edit(args: argparse.Namespace, settings: Settings) -> int:
    """Apply the given settings to a program."""
    changes = _changes(args)
    if not changes:
        raise InvalidInput("nothing to change: give the settings to change, e.g. --standup-time "
                           "09:30 (see `kickoff-bot program edit --help`)")
    runtime = Runtime(settings)
    with runtime.session_factory.begin() as session:
        program = runtime.program(session, args.program)
        before = describe_program(program)
        try:
            edit_program(session=session, program=program, changes=changes,
                         today=runtime.today())
        except InvalidField as refusal:
            raise in_options(refusal, OPTION_OF) from None
        ensure_postable(runtime.client, [changes[field] for field in CHANNEL_FIELDS
                                         if field in changes], then=AGAIN)
        changed = changed_words(before, describe_program(program))
        if changed:
            print(f"updated program {program.name!r}: {'; '.join(changed)}")
        else:
            print(f"program {program.name!r} already has these settings; nothing was changed")
    return 0


def run_list(args: argparse.Namespace, settings: Settings) -> int:
    """Print every program, one line each (or JSON)."""
    runtime = Runtime(settings)
    with runtime.session_factory() as session:
        programs = list_programs(session=session, workspace=runtime.workspace(session))
        rows = [describe_program(program) for program in programs]
    if args.json:
        print(json_text(rows))
    for row in [] if args.json else rows:
        print(f"{row['id']:>4}  {row['name']:<30} {row['status']:<7} kickoff {row['kickoff_date']}")
    if not rows and not args.json:
        print("no programs yet (create one with `kickoff-bot program create`)")
    return 0


def run_show(args: argparse.Namespace, settings: Settings) -> int:
    """Print every setting of one program."""
    runtime = Runtime(settings)
    with runtime.session_factory() as session:
        program = runtime.program(session, args.program)
        row = describe_program(program)
    if args.json:
        print(json_text(row))
    else:
        print("\n".join(program_lines(row)))
    return 0


def run_transition(args: argparse.Namespace, settings: Settings) -> int:
    """Launch (a welcome DM to every member), pause, resume or end a program, as Slack does."""
    if args.action in FINAL and not args.yes:
        raise InvalidInput(f"`program {args.action}` cannot be undone: {FINAL[args.action]}. "
                           f"Run it again with --yes to go ahead; nothing was changed")
    runtime = Runtime(settings)
    with runtime.session_factory.begin() as session:
        program = runtime.program(session, args.program)
        if args.action in CHECKED_MOVES:
            ensure_postable(runtime.client, [program.standup_channel, program.audit_channel],
                        then=AGAIN)
        move = move_program(session=session, program=program, action=args.action,
                            now=runtime.clock.now())
        if not move.changed:
            print(f"program {program.name!r} is already {program.status}; nothing was changed")
            return 0
        print(f"program {program.name!r} is now {program.status}")
        if move.welcomed:
            print("\n".join(launch_lines(session, program)))
    return 0
