"""The home of someone in no kickoff program: what kickoff-bot is, and whom to ask."""

from __future__ import annotations

import re

from bot.blocks.text import Block, context, escape, header, section

SLACK_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")


def build_outsider_section(kickoff_admins: tuple[str, ...]) -> list[Block]:
    """What the bot does for each role, and who adds people to a program."""
    return [
        header("kickoff-bot"),
        section(
            "kickoff-bot runs the 30 days after a sales kickoff, inside Slack: a daily standup "
            "for reps in week 1 (one new activity, one small win, one blocker), coaching "
            "nudges and two-click logging for managers in weeks 2-4, anonymous eNPS surveys "
            "for enablement, and a weekly coaching-completion audit for leadership."
        ),
        section(f"You are not in a kickoff program yet. {_whom_to_ask(kickoff_admins)}"),
        context("If you do not measure behaviour change 30 days after the kickoff, you did not "
                "have a kickoff, you had a party."),
    ]


def _whom_to_ask(kickoff_admins: tuple[str, ...]) -> str:
    names = [f"<@{entry}>" if SLACK_ID.match(entry) else escape(entry)
             for entry in kickoff_admins[:5]]
    if not names:
        return "Your enablement team or sales ops adds people when they import the roster."
    return (f"Ask {', '.join(names)} (kickoff-bot's admins here) to add you to the roster of "
            "your program.")
