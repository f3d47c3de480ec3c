"""The `kickoff-bot` console script: the shell commands of `bot.cli`, and `demo`.

The demo sits above the CLI (it types shell commands, as sales ops would), so the CLI cannot
import it; this module is where the two meet.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from bot import cli
from bot.demo import command as demo


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the process exit code."""
    return cli.main(argv, areas=(*cli.AREAS, demo))


if __name__ == "__main__":
    sys.exit(main())
