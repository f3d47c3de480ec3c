"""The enablement glance says each coaching cadence apart, as the audit measures them."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.blocks.home.enablement import build_enablement_section
from bot.domain.coaching.status import CadenceCounts
from bot.domain.home import EnablementView, ProgramGlance
from db.models import CadenceType, Program, ProgramStatus

NOW = datetime(2027, 3, 17, 15, 0, tzinfo=UTC)


def glance_text(coaching: dict[CadenceType, CadenceCounts]) -> str:
    program = Program(name="Q1 Kickoff", status=ProgramStatus.ACTIVE, smallest_group=5)
    view = EnablementView(surveys=[], glances=[ProgramGlance(
        program=program, members=9, standups=None, coaching=coaching)])
    blocks = build_enablement_section(view, room=50, now=NOW)
    return "\n".join(str(block.get("text", {}).get("text", "")) for block in blocks)


def test_each_cadence_is_said_apart_with_excused_sessions_left_out() -> None:
    text = glance_text({
        CadenceType.ONE_ON_ONE: CadenceCounts(due=3, done=1, missed=1, excused=1),
        CadenceType.CALL_REVIEW: CadenceCounts(due=3, done=1, missed=2),
        CadenceType.TERRITORY_REVIEW: CadenceCounts(due=1, excused=1),
    })
    assert "coaching so far: 1 of 2 1:1s held, 1 of 3 call reviews held" in text
    assert "territory" not in text  # its one session was excused: nothing was due


def test_no_coaching_due_yet_says_so() -> None:
    assert "no coaching due yet" in glance_text({})
