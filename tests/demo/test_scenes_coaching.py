"""The coaching demo scene runs on the demo's people and prints what each of them sees."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time

import pytest

from bot.demo.scenes_coaching import scene
from bot.demo.stage import KICKOFF, Stage
from bot.demo.world import (
    HOME_ZONE,
    PROGRAM,
)
from bot.domain.local_time import at_local


@pytest.fixture
def stage(launched_stage: Callable[[datetime], Stage]) -> Stage:
    """The demo's program, launched from the shell, its clock starting where this scene needs."""
    return launched_stage(at_local(KICKOFF, time(0), HOME_ZONE))


def test_the_scene_shows_a_digest_a_logged_call_review_and_the_record(
    stage: Stage, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    scene(stage, program_name=PROGRAM)
    out = capsys.readouterr().out
    assert "Monday 22 March, 09:00 in Los Angeles: Marcus Reed gets a DM:" in out
    assert "== Coaching for Mon 22 Mar ==" in out
    assert "*Ana Ruiz* · call review (60 min) · week 2 · due Thu 25 Mar" in out
    assert "[Discovery (1-5)]" in out
    assert "*Discovery:* 3/5" in out
    assert "You confirmed this." in out
    assert "Marcus Reed (U0MAR)" in out
    assert "Ana Ruiz (1 review): Discovery 3->3" in out
