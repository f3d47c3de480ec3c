"""`kickoff-bot demo [--full] [--html FILE]`: run the real app against the local fake Slack and
tell what each person sees."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from bot.demo.run import run_demo


def add_parser(subparsers: Any) -> None:
    """Register `demo`."""
    demo = subparsers.add_parser(
        "demo", help="run a sample program against a local fake Slack (no Slack account needed)"
    )
    demo.add_argument("--full", action="store_true",
                      help="print every message (by default, repeats are summarised)")
    demo.add_argument("--html", type=Path, default=None, metavar="FILE",
                      help="also write the story as a self-contained page, as Slack shows it")
    demo.set_defaults(standalone=run)


def run(args: argparse.Namespace) -> int:
    """Run the demo; it makes its own settings and ignores the environment's."""
    return run_demo(full=args.full, html=args.html)
