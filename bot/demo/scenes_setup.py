"""Demo scenes a month before the kickoff: sales ops sets the program up from the shell, people
ask what they can do, and the launch sends everyone their welcome."""

from __future__ import annotations

from datetime import time

from bot.blocks.render.page import Shown
from bot.demo.stage import Stage, shell, shell_with_file
from bot.demo.world import CREATE_PROGRAM, HOME_ZONE, PEOPLE, PROGRAM, SET_UP_DAY, roster_csv
from bot.domain.local_time import at_local

ASKING = ("U0ANA",)  # a rep; --full adds a manager and the admin
ASKING_FULL = ("U0MAR", "U0SAM")


def set_up(stage: Stage) -> int:
    """Sales ops creates the program, imports the roster and records the event's cost for the
    break-even, from the shell."""
    stage.scene("Sales ops sets up the program from the shell",
                at_local(SET_UP_DAY, time(10), HOME_ZONE))
    failures = shell(CREATE_PROGRAM)
    print(f"\n  roster.csv ({len(PEOPLE)} people; semicolons and a BOM, as Excel saves it):")
    for line in roster_csv().decode("utf-8-sig").splitlines()[:4]:
        print(f"    {line}")
    print("    ...")
    failures += shell_with_file("roster.csv", roster_csv(),
                                ["roster", "import", PROGRAM, "roster.csv"])
    # What the event costs, for the read-out's break-even (quarterly, as the CRM's attainment is)
    failures += shell(["program", "break-even", PROGRAM, "--cost", "60000", "--reps", "7",
                       "--quota", "250000", "--quota-period", "quarterly"])
    if stage.story.full:
        failures += shell(["program", "show", PROGRAM])
    return failures


def ask_for_help(stage: Stage) -> None:
    """People type `/kickoff help`: each sees what their roles allow."""
    stage.scene("People ask kickoff-bot what they can do",
                at_local(SET_UP_DAY, time(11), HOME_ZONE))
    for slack_id in ASKING + (ASKING_FULL if stage.story.full else ()):
        answer = stage.slack.command_reply("/kickoff", "help", user_id=slack_id,
                                           channel_id="C0GENERAL")
        stage.show(slack_id, Shown(at=stage.timeline.now, surface="message",
                                   where="#general, only you see this",
                                   what="answer to /kickoff help", blocks=answer.get("blocks", []),
                                   text=str(answer.get("text", ""))))


def launch(stage: Stage) -> int:
    """Sales ops launches the program; each person's welcome arrives in their working hours."""
    stage.scene("Sales ops launches the program: everyone gets a welcome",
                at_local(SET_UP_DAY, time(12), HOME_ZONE))
    return shell(["program", "launch", PROGRAM])
