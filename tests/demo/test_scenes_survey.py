"""The survey demo scene runs on the demo's people: invitations in local mornings, sealed answers,
the reminder to the two who did not answer, results at closing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from bot.demo.scenes_survey import scene
from bot.demo.stage import Stage
from bot.demo.world import PROGRAM


@pytest.fixture
def stage(launched_stage: Callable[[datetime], Stage]) -> Stage:
    """The demo's program, launched from the shell, its clock starting where this scene needs."""
    return launched_stage(datetime(2027, 3, 7, tzinfo=UTC))


def test_the_scene_walks_through_a_survey(stage: Stage, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    scene(stage, program_name=PROGRAM)
    out = capsys.readouterr().out
    assert "created survey 1 'Week-4 pulse' for FY27 Kickoff" in out
    assert "Ana Ruiz       Mon 29 Mar 14:30 (America/Los_Angeles)" in out
    assert "Lena Vogel     Tue 30 Mar 08:00 (Europe/Berlin)" in out  # her window opens
    assert "*What is stored:*" in out
    assert (
        'After 5 answer(s) the database holds: 5 "has answered" records, 5 sealed answers '
        "waiting, 0 readable answers" in out
    )
    assert (
        'transaction with the "has answered" records: 5 "has answered" records, 0 sealed '
        "answers waiting, 5 readable answers" in out
    )
    reminders = out.split("only to those who had not answered:")[1].split("At closing")[0]
    assert "Olivia Brown" in reminders
    assert "Aroha Ngata" in reminders
    assert "Ana Ruiz" not in reminders
    assert "*eNPS +20*" in out  # promoters 9 and 10, detractor 3: (2 - 1) / 5
    assert "Territory questions are still open &lt;!channel&gt;" in out
