"""The demo's page in a real browser (Debian's chromium, headless, 1280x900): a standup prompt,
the answer modal, a digest, an audit with its chart and an App Home are drawn with their texts,
and nothing in a message is wider than the message column. Screenshots go to the test's folder."""

from __future__ import annotations

from pathlib import Path

from tests.browser import check_shots, needs_chromium
from tests.demo.conftest import ToldDemo

# The kind of message each screenshot shows, and texts it must show (the first picks it).
SHOTS = {
    "standup-prompt": ("standup prompt", ["Week-1 standup", "Answer", "Out today"]),
    "answer-modal": ("standup answer form", ["One new activity I will do today", "Post"]),
    "digest": ("manager's coaching digest", ["Coaching for", "Log"]),
    "audit": ("weekly coaching audit", ["(2027-W12)", "1:1 completion", "Marcus Reed"]),
    "app-home": ("Home tab", ["Your kickoff", "Home"]),
}


@needs_chromium
def test_the_page_draws_each_kind_of_message_within_the_column(
    told_demo: ToldDemo, tmp_path: Path
) -> None:
    check_shots(told_demo.page.read_text(encoding="utf-8"), tmp_path, SHOTS)
    assert sorted(png.name for png in tmp_path.glob("*.png")) == sorted(
        f"{name}.png" for name in SHOTS)
