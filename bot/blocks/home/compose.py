"""The App Home: the sections the viewer's roles open, across their programs, within the home's
block budget (bot/domain/block_budget.py: each section gets the room left, keeping some for the
sections after it)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bot.blocks.certification.home import build_certification_section
from bot.blocks.home.admin import build_admin_section
from bot.blocks.home.calibration import build_calibration_section
from bot.blocks.home.common import DIVIDER
from bot.blocks.home.enablement import build_enablement_section
from bot.blocks.home.leader import build_leader_section
from bot.blocks.home.manager import build_manager_section
from bot.blocks.home.metrics import build_metrics_section
from bot.blocks.home.outsider import build_outsider_section
from bot.blocks.home.rep import build_rep_section
from bot.blocks.standup import actions, button
from bot.blocks.survey_messages import build_invitation_message
from bot.blocks.text import Block, context, escape, header
from bot.domain.block_budget import Sharing, Surface, fit
from bot.domain.home import LIVE, HomeData, HomeSection
from bot.ids import ActionId

HOME = Sharing(Surface.HOME)
MAX_SURVEYS = 2  # invitations shown at the top (3 blocks each)
MAX_PROGRAMS = 6  # programs named in the top line

Section = tuple[str, Callable[[int], list[Block]]]  # a name, and its builder given its room


def build_home_view(
    data: HomeData, *, pages: dict[int, int] | None = None, sharing: Sharing = HOME
) -> dict[str, Any]:
    """The home view of the viewer; `pages` picks a page of a manager's coaching list, and
    `sharing` how the home's blocks are shared between the sections."""
    sections = _sections(data, pages or {})
    if not sections and not _live(data):
        return {"type": "home", "blocks": build_outsider_section(data.kickoff_admins)}
    blocks = _intro(data)
    for index, (name, build) in enumerate(sections):
        blocks += build(sharing.room(name=name, used=len(blocks),
                                     after=len(sections) - index - 1))
    return {"type": "home", "blocks": fit(blocks, Surface.HOME)}


def _sections(data: HomeData, pages: dict[int, int]) -> list[Section]:
    sections: list[Section] = []
    if data.reps:
        sections.append((HomeSection.REP, lambda room: build_rep_section(data.reps, room=room)))
    if data.managers:
        sections.append((HomeSection.MANAGER, lambda room: build_manager_section(
            data.managers, room=room, pages=pages)))
    if data.enablement is not None:
        enablement = data.enablement
        sections.append((HomeSection.ENABLEMENT, lambda room: build_enablement_section(
            enablement, room=room, now=data.now)))
    if data.leaders:
        sections.append((HomeSection.LEADER, lambda room: build_leader_section(
            data.leaders, room=room)))
    if data.metrics:
        sections.append((HomeSection.METRICS, lambda room: build_metrics_section(
            data.metrics, room=room)))
    if data.calibration:
        sections.append((HomeSection.CALIBRATION, lambda room: build_calibration_section(
            data.calibration, room=room)))
    if data.certifications:
        sections.append((HomeSection.CERTIFICATION, lambda room: build_certification_section(
            data.certifications, room=room)))
    if data.admin is not None:
        admin = data.admin
        sections.append((HomeSection.ADMIN, lambda room: build_admin_section(admin, room=room)))
    return sections


def _live(data: HomeData) -> list[str]:
    lines = [f"*{escape(m.program.name)}* ({m.program.status}): "
             f"{', '.join(sorted(m.roles)) or 'member'}"
             for m in data.viewer.memberships if m.program.status in LIVE]
    more = [f"and {len(lines) - MAX_PROGRAMS} more"] if len(lines) > MAX_PROGRAMS else []
    return lines[:MAX_PROGRAMS] + more


def _intro(data: HomeData) -> list[Block]:
    lines = _live(data) or ["You are a kickoff admin and in no program yourself."]
    blocks: list[Block] = [header("Your kickoff"), context(" · ".join(lines))]
    if data.viewer.person is not None and _live(data):
        blocks.append(actions(button("Set out of office", ActionId.HOME_OOO, "self")))
    programs = {m.program_id: m.program for m in data.viewer.memberships}
    # Only a member is asked a survey, so with no person there is no survey and the zone is moot.
    tz = data.viewer.person.timezone if data.viewer.person is not None else "UTC"
    for survey in data.surveys[:MAX_SURVEYS]:
        blocks += build_invitation_message(survey, programs[survey.program_id], tz)[1]
    return [*blocks, DIVIDER]
