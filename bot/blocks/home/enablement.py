"""Enablement's section of the home: create a survey, each survey's count with "Close now"
(the `/kickoff survey status` message), and each program's participation at a glance."""

from __future__ import annotations

from datetime import datetime

from bot.blocks.home.common import DIVIDER, within
from bot.blocks.standup import actions, button
from bot.blocks.survey_messages import build_status_message
from bot.blocks.text import Block, context, escape, header, section
from bot.domain.coaching.vocabulary import CADENCE_NAMES
from bot.domain.group_size import smallest_group
from bot.domain.home import EnablementView, ProgramGlance
from bot.domain.standups.wording import participation_text
from bot.ids import ActionId

GLANCE_ROOM = 4  # blocks kept for the programs at a glance


def build_enablement_section(view: EnablementView, *, room: int, now: datetime) -> list[Block]:
    """Create, follow and close surveys; then the programs at a glance."""
    blocks: list[Block] = [
        header("Enablement"),
        actions(button("Create a survey", ActionId.HOME_SURVEY_CREATE, "create", primary=True)),
    ]
    glances = within([[section(_glance(glance))] for glance in view.glances], GLANCE_ROOM,
                     "…and {} more programs.")
    survey_room = room - len(blocks) - len(glances) - 2
    shown = view.surveys[: max(survey_room - 2, 0)]
    blocks += build_status_message(shown, now=now)
    if len(shown) < len(view.surveys):
        blocks.append(context(f"…and {len(view.surveys) - len(shown)} more: "
                              "`/kickoff survey status` lists them all."))
    return [*blocks, *glances, DIVIDER]


def _glance(glance: ProgramGlance) -> str:
    return (f"*{escape(glance.program.name)}* ({glance.program.status}) · {glance.members} "
            f"members · standups: {_standups(glance)} · {_coaching(glance)}")


def _standups(glance: ProgramGlance) -> str:
    if glance.standups is None:
        return (f"not shown for fewer than {smallest_group(glance.program.smallest_group)} reps "
                "(the program's smallest group)")
    return participation_text(glance.standups)


def _coaching(glance: ProgramGlance) -> str:
    due = [(kind, counts) for kind, counts in glance.coaching.items()
           if counts.due > counts.excused]
    if not due:
        return "no coaching due yet"
    return "coaching so far: " + ", ".join(
        f"{counts.done} of {counts.due - counts.excused} {CADENCE_NAMES[kind]}s held"
        for kind, counts in due)
