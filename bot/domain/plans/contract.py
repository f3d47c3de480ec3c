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
    "For the 30 days after the kickoff I commit to:\n"
    "1. *My Q1 goal*, mine and not the team's, as a number I can be measured on.\n"
    "2. *My top obstacles*, named, so my manager and I can work on them.\n"
    "3. *A written coaching plan* with my manager: the rubric skill we work on first, and how.\n"
    "4. *Daily standups in week 1*: one new activity, one small win, one blocker.\n"
    "5. *A weekly 1:1 in weeks 2-4*: pipeline review and coaching on a recorded call.\n"
    "My manager co-signs the plan; if either of us changes it, we both sign again."
)


def contract_problem(text: str) -> str | None:
    """Why `text` cannot be the contract (None: it can)."""
    if not text.strip():
        return "the contract is empty; write what reps will sign"
    if len(text) > CONTRACT_LIMIT:
        return f"the contract is {len(text)} characters; keep it to {CONTRACT_LIMIT}"
    return None
