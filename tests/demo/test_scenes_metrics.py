"""The metrics demo scene imports the CRM export from the shell and prints week 2's figures."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from bot.demo.scenes_metrics import scene
from bot.demo.stage import Stage
from bot.demo.world import PROGRAM


@pytest.fixture
def stage(launched_stage: Callable[[datetime], Stage]) -> Stage:
    """The demo's program, launched from the shell, in its week 3."""
    return launched_stage(datetime(2027, 3, 30, tzinfo=UTC))


def test_the_scene_imports_and_prints_week_2_against_the_baseline(
    stage: Stage, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    scene(stage, program_name=PROGRAM)
    out = capsys.readouterr().out
    assert "metrics of 'FY27 Kickoff' imported: 62 added, 0 updated, 0 unchanged" in out
    # Six reps with a baseline: dials 30..35 (mean 32.5) against 37..42 (39.5): +21.5%.
    assert "  overall: baseline 32.5, week 2 39.5, +21.5%, held (6 of 7 reps with both)" in out
    assert "team of" not in out  # every team is below the smallest group of 5
    assert "reference: 4.7 calls a week (source median" in out
