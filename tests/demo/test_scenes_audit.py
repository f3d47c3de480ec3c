"""The audit demo scene: week 2 logged by two of three managers, the Monday audit in the
leadership channel, the same week from the shell, and the day-32 read-out."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from bot.demo.scenes_audit import scene
from bot.demo.stage import Stage
from bot.demo.world import PROGRAM


@pytest.fixture
def stage(launched_stage: Callable[[datetime], Stage]) -> Stage:
    """The demo's program, launched from the shell, its clock starting where this scene needs."""
    return launched_stage(datetime(2027, 3, 21, tzinfo=UTC))


def test_the_scene_shows_the_week_2_audit_and_the_readout(
    stage: Stage, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    scene(stage, program_name=PROGRAM)
    out = capsys.readouterr().out
    audit = out.split("== Coaching audit: week of Mon 22 Mar (2027-W12) ==")[1]
    assert "*1:1 completion:* 71% (5 of 7 done; target 95%, typical baseline 60%)" in audit
    assert ("1. Hannah Weber: 1:1s 0% (0 of 2), under the 60% baseline; call reviews 0 of 2 "
            "done; territory reviews none due") in audit
    assert ("2. Marcus Reed: 1:1s 100% (2 of 2); call reviews 1 of 2 done; territory reviews "
            "none due") in audit
    assert "3. Priya Nair: 1:1s 100% (3 of 3); call reviews 3 of 3 done" in audit  # at target
    assert ("[image: Bar chart per manager of this week's 1:1s done of due against the target"
            in audit)
    assert "Coaching audit of FY27 Kickoff, week of 2027-03-22 (2027-W12), as posted" in out
    readout = ("== Read-out of FY27 Kickoff: day 32 (Fri 09 Apr), covering Mon 08 Mar to Wed "
               "07 Apr ==")
    assert readout in out
    assert "not held: 24% of 1:1s done (5 of 21)" in out
    assert "<@" not in audit.split(readout)[0]
