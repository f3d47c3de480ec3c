"""How the story prints by default: lines a reader has seen in an earlier message are left out,
an item repeated within a message is counted, a long post shown once is told again in one line of
key figures; `--full` prints everything. The Story alone, without running the demo."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.blocks.render.markup import Directory
from bot.blocks.render.page import Shown
from bot.demo.story import Reader, Story

T0 = datetime(2027, 3, 8, 13, tzinfo=UTC)
ANA = Reader("Ana Ruiz", "UTC", "rep")
ELENA = Reader("Elena Fischer", "UTC", "enablement")
LEADERSHIP = Reader("#sales-leadership", "UTC", "channel")
DIRECTORY = Directory(people={"U0ANA": "Ana Ruiz", "U0LEN": "Elena Fischer"})


def _shown(what: str, lines: list[str], minutes: int = 0) -> Shown:
    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": line}} for line in lines]
    return Shown(at=T0 + timedelta(minutes=minutes), surface="message", where="DM", what=what,
                 blocks=blocks)


def _welcome(role: str) -> list[str]:
    return ["FY27 Kickoff is live", "Here is what the next 30 days hold for you:", role,
            "Away? `/kickoff ooo` and nothing is sent."]


def _audit(week: int, done: int) -> list[str]:
    return [f"Coaching audit: week {week}", f"*1:1 completion:* {done}% ({done // 10} of 10 "
            "done; target 95%)", "*Call reviews:* none due", "Lift is the ratio of sums."]


def _tell(story: Story, capsys: pytest.CaptureFixture[str]) -> str:
    story.message(ANA, _shown("welcome", _welcome("*Week 1:* a daily standup")), key="w1")
    story.message(ELENA, _shown("welcome", _welcome("*Enablement:* run surveys")), key="w2")
    story.message(ELENA, _shown("digest", ["Due", *[f"*Rep {n}* · 1:1" for n in "1234"]]),
                  key="d1")
    story.spotlight("weekly coaching audit")
    story.message(LEADERSHIP, _shown("weekly coaching audit", _audit(2, 86), 5), key="a2")
    story.spotlight("weekly coaching audit")
    story.message(LEADERSHIP, _shown("weekly coaching audit", _audit(3, 70), 9), key="a3")
    story.end_scene()
    return capsys.readouterr().out


def test_seen_lines_repeats_and_later_long_posts_are_shortened(
    capsys: pytest.CaptureFixture[str],
) -> None:
    story = Story(DIRECTORY)
    out = _tell(story, capsys)
    elena = out.split("Elena Fischer, DM: welcome\n")[1].splitlines()[:3]
    assert elena == ["      *Enablement:* run surveys", "      (the rest as before)",
                     "  Mon 08 Mar 13:00 UTC   Elena Fischer, DM: digest"]
    assert "*Rep 1* · 1:1" in out
    assert "*Rep 2*" not in out
    assert "(3 more lines like those above)" in out
    assert out.count("Lift is the ratio of sums.") == 1
    assert ("(Coaching audit: week 3: same layout as before; 1:1 completion 70% (7 of 10 "
            "done); Call reviews none due)") in out
    assert [(t.key, t.printed) for t in story.told] == [
        ("w1", True), ("w2", True), ("d1", True), ("a2", True), ("a3", False)]


def test_full_prints_every_line(capsys: pytest.CaptureFixture[str]) -> None:
    out = _tell(Story(DIRECTORY, full=True), capsys)
    assert out.count("Here is what the next 30 days hold for you:") == 2
    assert "*Rep 4* · 1:1" in out
    assert out.count("Lift is the ratio of sums.") == 2
    assert "same layout" not in out
