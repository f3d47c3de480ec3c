"""The home demo scene prints each role's App Home on the demo's people."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from bot.demo.scenes_home import scene
from bot.demo.stage import Stage
from bot.demo.world import PROGRAM


@pytest.fixture
def stage(launched_stage: Callable[[datetime], Stage]) -> Stage:
    """The demo's program, launched from the shell, its clock starting where this scene needs."""
    return launched_stage(datetime(2027, 3, 7, tzinfo=UTC))


def test_the_scene_prints_the_home_of_every_role(
    stage: Stage, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    scene(stage, program_name=PROGRAM)
    out = capsys.readouterr().out
    homes = dict(
        part.split(" opens the Home tab", 1)
        for part in out.split("\n\n  ")
        if " opens the Home tab" in part
    )
    assert "== Your standups and coaching ==" in homes["Ana Ruiz (a rep)"]
    assert "*Coaching ahead*" in homes["Ana Ruiz (a rep)"]
    assert "*Ana Ruiz* · 1:1 (45 min) · week 2 · due Thu 25 Mar" in homes["Marcus Reed (a manager)"]
    assert "[ Log ]" in homes["Marcus Reed (a manager)"]
    jonas = homes["Jonas Berg (a rep who also manages)"]
    assert "== Your standups and coaching ==" in jonas
    assert "== Your team ==" in jonas
    assert "[ Create a survey ]" in homes["Elena Fischer (enablement)"]
    assert "[ This week so far ]" in homes["Victoria Hale (a leader)"]
    assert "[ New program ]" in homes["Sam Ortega (the kickoff admin)"]
    assert "You are not in a kickoff program yet" in homes["Noah Newman (someone in no program)"]
