"""`kickoff-bot person erase EMAIL|SLACK_ID --yes`: erase a person's personal data on request."""

from __future__ import annotations

import argparse
from collections import Counter
from typing import Any

from bot.cli.runtime import Runtime
from bot.errors import InvalidInput
from bot.features.registry import REGISTRY
from bot.services.erasure.person import erase_person
from bot.services.people import find_person
from bot.settings import Settings

KEPT = ("Anonymous survey answers were never linked to anyone and stay as they are; figures "
        "already published (audit snapshots) keep their numbers, with the name taken out; "
        "messages kickoff-bot already posted in Slack stay in Slack: delete them there.")


def add_parser(subparsers: Any) -> None:
    """Register `person` and its actions."""
    parser = subparsers.add_parser("person", help="a person's data: erase it on request")
    actions = parser.add_subparsers(dest="person_command", required=True, metavar="ACTION")
    erase = actions.add_parser(
        "erase", help="delete everything kickoff-bot holds about a person",
        description="Deletes the person's memberships, answers, typed texts, coaching records "
        "(as rep or as manager), out-of-office days, survey participation and messages to them; "
        "clears references to them; takes their name and words out of what mentions them; "
        "then deletes the person. " + KEPT,
    )
    erase.add_argument("person", metavar="EMAIL|SLACK_ID", help="the person's email or Slack id")
    erase.add_argument("--yes", action="store_true", help="confirm: erasing cannot be undone")
    erase.set_defaults(run=run_erase)


def run_erase(args: argparse.Namespace, settings: Settings) -> int:
    """Erase one person in one transaction and say what went."""
    runtime = Runtime(settings)
    with runtime.session_factory.begin() as session:
        person = find_person(session=session, workspace_id=runtime.workspace(session).id,
                             ref=args.person)
        if not args.yes:
            raise InvalidInput(f"erasing {person.name} ({person.slack_user_id}) cannot be "
                               "undone. Run it again with --yes to go ahead; nothing was changed")
        name, slack_id = person.name, person.slack_user_id
        erased = erase_person(session=session, person=person, columns=REGISTRY.personal_data())
        print(f"erased {name} ({slack_id}): {_counts(erased.deleted)} rows "
              f"deleted, {_counts(erased.cleared)} references cleared, "
              f"{_counts(erased.scrubbed)} texts with their name or words taken out.")
        print(KEPT)
    return 0


def _counts(by_table: Counter[str]) -> str:
    total = sum(by_table.values())
    if not total:
        return "0"
    return f"{total} ({', '.join(f'{table} {n}' for table, n in sorted(by_table.items()))})"
