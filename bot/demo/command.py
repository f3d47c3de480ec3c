"""`kickoff-bot demo`: run the real app against the local fake Slack and print what happens."""

from __future__ import annotations

import argparse
from typing import Any

from bot.demo.run import run_demo


def add_parser(subparsers: Any) -> None:
    """Register `demo`."""
    demo = subparsers.add_parser(
        "demo", help="run a sample program against a local fake Slack (no Slack account needed)"
    )
    demo.set_defaults(standalone=run)


def run(args: argparse.Namespace) -> int:
    """Run the demo; it makes its own settings and ignores the environment's."""
    return run_demo()
