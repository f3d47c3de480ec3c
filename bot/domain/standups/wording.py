"""Standup participation in words, the one wording the shell, the audit, the read-out and the App
Home share: all four outcomes said, so nobody has to work out the missed ones."""

from __future__ import annotations

from bot.domain.follow_through import FollowCounts
from bot.domain.standups.participation import Counts
from bot.domain.surveys.results import rounded_percent


def participation_text(counts: Counts) -> str:
    """Expected rep-days, then answered (late among them), excused and missed, then the rate.

    The rate is answered of the rep-days that count: excused ones and days still open are left
    out, and the sentence says so, so the reader can check it from the figures beside it.
    """
    if not counts.expected:
        return "no standup rep-days expected yet"
    still_open = f", {counts.pending} still open" if counts.pending else ""
    outcomes = (f"{counts.expected} rep-days expected: {counts.answered} answered "
                f"({counts.late} late), {counts.excused} excused, {counts.missed} missed"
                f"{still_open}")
    counted = counts.answered + counts.missed
    if not counted:
        return f"{outcomes}; none closed unexcused yet{follow_through_text(counts)}"
    percent = rounded_percent(counts.answered, counted)
    closed = "closed and " if counts.pending else ""
    return (f"{outcomes}; {percent}% answered of the {counted} {closed}not excused"
            f"{follow_through_text(counts)}")


def follow_through_text(counts: Counts) -> str:
    """"; follow-through: 4 of 6 planned activities done (1 partly), 67%", or nothing before
    any rep was asked (Day 1 has no earlier plan)."""
    follow = FollowCounts(counts.follow_yes, counts.follow_partly, counts.follow_no)
    return f"; follow-through: {follow.text('planned activities')}" if follow.asked else ""
