"""`kickoff-bot ooo set|list|clear`: the days someone is out of office and is sent nothing."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from bot.cli.runtime import Runtime
from bot.domain.out_of_office import MAX_DAYS, Absence
from bot.errors import InvalidInput
from bot.services.out_of_office import clear_out_of_office, list_out_of_office, set_out_of_office
from bot.services.people import find_person
from bot.settings import Settings

PERSON_HELP = "the person's email or Slack user id (U...)"
RULES = f"""\
Days are the person's own local days (their Slack time zone), both ends included, at most
{MAX_DAYS} days per range. A range that overlaps or touches one already set is merged with it.
Planned messages to the person on those days are cancelled at once; clearing days plans them
again on the dispatcher's next pass (if their send window is still open).
"""


def add_parser(subparsers: Any) -> None:
    """Register `ooo` and its actions."""
    parser = subparsers.add_parser("ooo", help="out of office: days nobody sends someone anything")
    actions = parser.add_subparsers(dest="ooo_command", required=True, metavar="ACTION")
    put = actions.add_parser(
        "set", help="mark someone away from FROM to TO", epilog=RULES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    put.add_argument("person", metavar="PERSON", help=PERSON_HELP)
    put.add_argument("first_day", metavar="FROM", type=_day, help="first day away, YYYY-MM-DD")
    put.add_argument("last_day", metavar="TO", type=_day, help="last day away, YYYY-MM-DD")
    put.set_defaults(run=run_set)
    listing = actions.add_parser("list", help="who is away, today and later")
    listing.add_argument("person", metavar="PERSON", nargs="?", help=PERSON_HELP)
    listing.add_argument("--all", action="store_true", help="include ranges already over")
    listing.set_defaults(run=run_list)
    clear = actions.add_parser(
        "clear", help="remove away days (default: from today on)", epilog=RULES,
        description="Remove the days FROM..TO from someone's out of office; without FROM and\n"
                    "TO, every day from their today on (days already past are kept).",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    clear.add_argument("person", metavar="PERSON", help=PERSON_HELP)
    clear.add_argument("first_day", metavar="FROM", nargs="?", type=_day,
                       help="first day to clear, YYYY-MM-DD")
    clear.add_argument("last_day", metavar="TO", nargs="?", type=_day,
                       help="last day to clear, YYYY-MM-DD")
    clear.set_defaults(run=run_clear)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2027-01-31") from None


def run_set(args: argparse.Namespace, settings: Settings) -> int:
    """Record an out-of-office range and say what it cancelled."""
    runtime = Runtime(settings)
    with runtime.session_factory.begin() as session:
        person = find_person(session=session, workspace_id=runtime.workspace(session).id,
                             ref=args.person)
        result = set_out_of_office(session=session, person=person, first_day=args.first_day,
                                   last_day=args.last_day, now=runtime.clock.now())
    absence = result.absence
    merged = (absence.first_day, absence.last_day) != (args.first_day, args.last_day)
    print(f"{_range(absence)}{' (merged with the days already set)' if merged else ''}; "
          f"{result.cancelled} planned message(s) to them cancelled")
    return 0


def run_list(args: argparse.Namespace, settings: Settings) -> int:
    """Print the out-of-office ranges of everyone, or of one person."""
    runtime = Runtime(settings)
    since = None if args.all else runtime.today()
    with runtime.session_factory() as session:
        workspace_id = runtime.workspace(session).id
        person = find_person(session=session, workspace_id=workspace_id, ref=args.person) \
            if args.person else None
        absences = list_out_of_office(session=session, workspace_id=workspace_id, person=person,
                                      since=since)
    for absence in absences:
        print(_range(absence))
    if not absences:
        print("nobody is out of office" + (f" from {since} on" if since else ""))
    return 0


def run_clear(args: argparse.Namespace, settings: Settings) -> int:
    """Remove away days of one person, so their messages are planned again."""
    if (args.first_day is None) != (args.last_day is None):
        raise InvalidInput("give both FROM and TO, or neither (to clear from today on)")
    runtime = Runtime(settings)
    with runtime.session_factory.begin() as session:
        workspace_id = runtime.workspace(session).id
        person = find_person(session=session, workspace_id=workspace_id, ref=args.person)
        removed = clear_out_of_office(session=session, person=person, now=runtime.clock.now(),
                                      first_day=args.first_day, last_day=args.last_day)
        left = list_out_of_office(session=session, workspace_id=workspace_id, person=person)
    print(f"removed {removed} away day(s) of {person.name} ({person.slack_user_id})")
    for absence in left:
        print(f"still set: {_range(absence)}")
    return 0


def _range(absence: Absence) -> str:
    return (f"{absence.name} ({absence.slack_user_id}) is out of office "
            f"{absence.first_day:%a %Y-%m-%d} to {absence.last_day:%a %Y-%m-%d} "
            f"({absence.days} day(s), {absence.timezone})")
