"""The standup demo scene runs Day 1 on the demo's people, with the real dispatcher sending."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta

import pytest

from bot.demo.scenes_standups import scene
from bot.demo.stage import Stage
from bot.demo.world import (
    HOME_ZONE,
    KICKOFF_DATE,
    PROGRAM,
)
from bot.domain.local_time import at_local


@pytest.fixture
def stage(launched_stage: Callable[[datetime], Stage]) -> Stage:
    """The demo's program, launched from the shell, its clock starting the day after kickoff."""
    kickoff = date.fromisoformat(KICKOFF_DATE)
    return launched_stage(at_local(kickoff + timedelta(days=1), time(0), HOME_ZONE))


def test_day_1_shows_prompts_answers_the_thread_and_the_figures(
    stage: Stage, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    scene(stage, program_name=PROGRAM)
    out = capsys.readouterr().out
    assert "Good morning Aroha Ngata! :wave: Week-1 standup, *Day 1 of 5*." in out
    assert "Arjun Mehta types into the DM instead" in out
    assert "[ Answer, using my message ]" in out
    assert "[One new activity I will do today] Today I will call Globex back" in out
    assert 'Olivia Brown clicks "Out today"' in out
    assert "Week-1 standup - Day 1 of 5" in out
    assert "&lt;!channel&gt; sign-off" in out  # escaped in the channel and the manager's DM
    assert "<!channel>" not in out.replace("Legal wants <!channel>", "")
    assert "a quick reminder: *Day 1 of 5*" in out  # Ben and Jonas did not answer
    assert 'Priya Nair clicks "Resolved"' in out
    # --at is read, and the figures dated, in the program's zone (New York: 08:00 UTC)
    assert '$ kickoff-bot standups "FY27 Kickoff" --at 2027-03-11T03:00' in out
    assert "Week-1 standups of FY27 Kickoff as of 2027-03-11 03:00 America/New_York" in out
    day_1 = next(line for line in out.splitlines() if line.startswith("Day 1  2027-03-10"))
    assert day_1.split()[3:] == ["7", "4", "0", "1", "2", "0"]  # Ben and Jonas missed it
    assert ("Total: 35 rep-days expected: 4 answered (0 late), 1 excused, 2 missed, 28 still "
            "open; 67% answered of the 6 closed and not excused") in out
