"""The certifications section of the App Home: a rep's status and Start, a reviewer's waiting
talk-tracks with Review, enablement's progress, Answers and "Create a certification"."""

from __future__ import annotations

from collections.abc import Sequence

from bot.blocks.certification.messages import build_talk_track_lines
from bot.blocks.home.common import short_date
from bot.blocks.standup import actions, button
from bot.blocks.text import Block, context, escape, header, section
from bot.domain.certification.home import CertificationHome
from bot.domain.counting import counted
from bot.ids import ActionId


def build_certification_section(parts: Sequence[CertificationHome], *,
                                room: int) -> list[Block]:
    """One part per program, as many as fit in `room`."""
    blocks: list[Block] = [header("Certifications")]
    for part in parts:
        rows = _part(part)
        if len(blocks) + len(rows) > room:
            break
        blocks += rows
    return blocks


def _part(part: CertificationHome) -> list[Block]:
    blocks: list[Block] = [context(f"*{escape(part.program)}*")]
    for own in part.own:
        line = (f"*{escape(own.name)}*: {own.status}, {counted(own.attempts_left, 'attempt')} "
                f"left, due {short_date(own.due_on)}")
        if own.feedback:
            line += f"\n_Feedback: {escape(own.feedback)}_"
        blocks.append(section(line))
        if own.open:
            blocks.append(actions(button("Start", ActionId.CERT_START,
                                         str(own.certification_id), primary=True)))
    blocks += build_talk_track_lines(list(part.reviews))
    for cert in part.progress[:5]:
        passed = (f"{cert.passed} of {cert.assigned} passed" if cert.passed is not None
                  else f"{cert.assigned} reps (too few to show how many passed)")
        blocks.append(section(f"*{escape(cert.name)}* ({cert.stage}): {passed} · "
                              f"{cert.reviews_pending} reviews pending"))
        blocks.append(actions(button("Answers", ActionId.CERT_KEY, str(cert.certification_id))))
    if part.creates:
        blocks.append(actions(button("Create a certification", ActionId.HOME_CERT_CREATE,
                                     "new")))
    return blocks
