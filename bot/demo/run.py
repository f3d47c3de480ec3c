"""The demo script: set a program up from the shell, then walk through its 30 days."""

from __future__ import annotations

import contextlib
import tempfile
from datetime import date, time, timedelta
from pathlib import Path

from bot.demo import scenes_audit as audit
from bot.demo import scenes_coaching as coaching
from bot.demo import scenes_home as home
from bot.demo import scenes_metrics as metrics
from bot.demo import scenes_standups as standups
from bot.demo import scenes_survey as survey
from bot.demo.stage import Stage, demo_stage, shell
from bot.demo.transcript import render_message
from bot.demo.world import (
    CREATE_PROGRAM,
    HOME_ZONE,
    KICKOFF_DATE,
    PEOPLE,
    PROGRAM,
    roster_csv,
)
from bot.domain.local_time import at_local


def run_demo() -> int:
    """Run every scene and print what each person sees; 0 when all went as expected."""
    print("kickoff-bot demo: the real app against a local fake Slack (no account needed).")
    with demo_stage() as stage:
        failures = set_up_program(stage)
        show_help(stage)
        failures += walk_through_days(stage)
    print("\nDemo finished." if failures == 0 else f"\nDemo failed: {failures} step(s) failed.")
    return 0 if failures == 0 else 1


def set_up_program(stage: Stage) -> int:
    """Sales ops creates the program and imports the roster from the shell."""
    _scene("Sales ops sets up the program from the shell")
    failures = shell(CREATE_PROGRAM)
    # In a folder of its own, named as a user would type it: the transcript never shows a temp path.
    with tempfile.TemporaryDirectory() as folder, contextlib.chdir(folder):
        roster = Path("roster.csv")
        roster.write_bytes(roster_csv())
        print(f"\n  roster.csv ({len(PEOPLE)} people; semicolons and a BOM, as Excel saves it):")
        for line in roster_csv().decode("utf-8-sig").splitlines()[:4]:
            print(f"    {line}")
        print("    ...")
        failures += shell(["roster", "import", PROGRAM, str(roster)])
    failures += shell(["program", "show", PROGRAM])
    return failures


def show_help(stage: Stage) -> None:
    """Three people ask `/kickoff help`: each sees what their roles allow."""
    _scene("People ask kickoff-bot what they can do")
    for person in (PEOPLE[6], PEOPLE[3], PEOPLE[0]):
        answer = stage.slack.command_reply(
            "/kickoff", "help", user_id=person.slack_id, channel_id="C0GENERAL"
        )
        print(f"\n  {person.name} ({person.roles}) types `/kickoff help` and sees, privately:")
        for line in render_message(answer):
            print(line)


def walk_through_days(stage: Stage) -> int:
    """Launch the program, then let the simulated clock run to the day-32 read-out."""
    _scene("The 30 days after the kickoff, as each person sees them (times are their own)")
    failures = shell(["program", "launch", PROGRAM])
    for feature in (standups, coaching, survey, metrics, audit, home):
        feature.scene(stage, program_name=PROGRAM)
    kickoff = date.fromisoformat(KICKOFF_DATE)
    stage.timeline.advance_to(at_local(kickoff + timedelta(days=33), time(0), HOME_ZONE))
    return failures


def _scene(title: str) -> None:
    print(f"\n=== {title} ===")
