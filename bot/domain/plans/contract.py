"""The program's 30-day behaviour contract ("what you will sign") and when the breakout asks
reps for their plans: by default event day 1 at 14:00 in the program's zone, the afternoon
breakout of the source model."""

from __future__ import annotations

from datetime import time

CONTRACT_LIMIT = 2900  # one Block Kit section, with room for the heading
BREAKOUT_DAY = 1
BREAKOUT_TIME = time(14, 0)
REMINDER_TIME = time(9, 0)  # the one reminder: the next event day's (or working day's) morning

DEFAULT_CONTRACT = (
    "For the 30 days after the kickoff I commit to *my own Q1 goal*, a number I can be measured "
    "on; *my top obstacles*, named; *a written coaching plan* with my manager, starting with one "
    "rubric skill; *daily standups in week 1*; and *a weekly 1:1 in weeks 2-4*. My manager "
    "co-signs; if either of us changes the plan, we both sign again."
)


def contract_problem(text: str) -> str | None:
    """Why `text` cannot be the contract (None: it can)."""
    if not text.strip():
        return "the contract is empty; write what reps will sign"
    if len(text) > CONTRACT_LIMIT:
        return f"the contract is {len(text)} characters; keep it to {CONTRACT_LIMIT}"
    return None
