"""`/kickoff log @rep`: the rep's sessions, each with a Log (or Edit) button; and the small
modal views that answer a submitted log."""

from __future__ import annotations

from typing import Any

from bot.blocks.coaching.describe import cadence_label, day_label, due_text, item_with_button
from bot.blocks.text import Block, context, escape, header, plain, section
from bot.domain.coaching.status import TO_LOG, Status
from bot.domain.coaching.views import RepSessions
from db.models import CoachingItem, LoggedStatus

STATUS_LABELS = {
    Status.OPEN: "to log",
    Status.DONE: "done",
    Status.RESCHEDULED: "rescheduled",
    Status.SKIPPED: "skipped",
    Status.MISSED: "missed",
    Status.EXCUSED: "excused",
    Status.DISPUTED: "disputed by the rep",
}


def build_rep_sessions_message(sessions: RepSessions) -> list[Block]:
    """Every session of the rep with their manager, newest week last."""
    blocks = [header(f"Coaching with {sessions.rep.name}")]
    for item, status in sessions.sessions:
        line = (f"Week {item.week} · *{cadence_label(item)}* · {due_text(item)} · "
                f"_{STATUS_LABELS[status]}_")
        blocks.append(item_with_button(item, line, "Log" if status in TO_LOG else "Edit"))
    if not sessions.sessions:
        blocks.append(section("No coaching sessions are left to log in this program."))
    blocks.append(context(
        f"{escape(sessions.program.name)} · manager: {escape(sessions.manager.name)}"
    ))
    return blocks


def rep_sessions_fallback(sessions: RepSessions) -> str:
    """The plain-text fallback of the list."""
    to_log = sum(status in TO_LOG for _, status in sessions.sessions)
    return f"Coaching with {sessions.rep.name}: {to_log} to log"


def build_notice_view(title: str, text: str) -> dict[str, Any]:
    """A modal that only says something (after a save, or a refusal)."""
    return {
        "type": "modal", "title": plain(title[:24]), "close": plain("Close"),
        "blocks": [section(text)],
    }


def build_saved_view(item: CoachingItem) -> dict[str, Any]:
    """What the manager sees once a log is saved."""
    rep = escape(item.rep.name)
    outcome = {
        LoggedStatus.DONE: f"held on {day_label(item.held_on)}" if item.held_on else "held",
        LoggedStatus.RESCHEDULED: f"moved to {due_text(item).removeprefix('due ')}",
        LoggedStatus.SKIPPED: "skipped",
    }.get(item.status, str(item.status))
    follow_up = "is asked to confirm it" if item.status is LoggedStatus.DONE else "is told"
    return build_notice_view("Logged", (
        f"Saved: the {cadence_label(item)} with *{rep}* of week {item.week}, {outcome}. "
        f"{rep} {follow_up} in a DM."
    ))
