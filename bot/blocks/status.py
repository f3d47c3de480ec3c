"""The `/kickoff status` message."""

from __future__ import annotations

from bot.blocks.text import Block, escape, header, section
from db.models import Membership


def build_status_message(memberships: list[Membership], *, is_admin: bool) -> list[Block]:
    """The caller's programs, roles and manager."""
    blocks = [header("Your kickoff programs")]
    if not memberships:
        blocks.append(section("You are not in any kickoff program."))
    for membership in memberships:
        program = membership.program
        roles = ", ".join(sorted(membership.roles)) or "no role"
        lines = [
            f"*{escape(program.name)}* ({program.status})",
            f"Kickoff {program.kickoff_date:%a %d %b %Y} · your roles: {roles}",
        ]
        if membership.manager is not None:
            lines.append(f"Your manager: {escape(membership.manager.name)}")
        blocks.append(section("\n".join(lines)))
    if is_admin:
        blocks.append(
            section("You are a kickoff admin: you may create programs and import rosters.")
        )
    return blocks


def status_fallback(memberships: list[Membership]) -> str:
    """The plain-text fallback of the status message."""
    names = ", ".join(m.program.name for m in memberships)
    return f"Your kickoff programs: {names}" if names else "You are not in any kickoff program."
