"""Week-1 participation with all four outcomes, counted by hand, said the same way by the weekly
audit's post and the read-out (both posted by the real dispatcher to the fake Slack server) and
by the shell's `kickoff-bot standups`.

The audit program of tests/audit_world.py, with Rep 8 also out of office on Friday 15 January:
8 reps and 4 standup days are 32 rep-days expected. Days 1 to 3 all 8 answered (Rep 2 late on
Day 1, Rep 4 late on Day 2); Day 4 Reps 1 to 6 answered, Rep 7 was prompted and did not answer
(missed), Rep 8 was away (excused). So 30 answered (2 late), 1 excused, 1 missed, and 30 of the
31 rep-days not excused answered: 97%.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from bot.cli import main
from bot.clock import SystemClock
from bot.fakeslack import FakeSlack
from db.models import OutOfOffice
from scheduler.dispatcher import Dispatcher
from tests.audit_world import build_world, utc
from tests.databases import Database
from tests.scheduler.audit_run import all_text, audit_posts, run

HAND_COUNT = ("32 rep-days expected: 30 answered (2 late), 1 excused, 1 missed; 97% answered of "
              "the 31 not excused")


def test_the_audit_the_readout_and_the_shell_say_the_hand_count(
    database: Database, fake_slack: FakeSlack, dispatcher: Dispatcher, clock: SystemClock,
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session, fake_slack)
        session.add(OutOfOffice(person_id=world.people["UR8"], first_day=date(2027, 1, 15),
                                last_day=date(2027, 1, 15)))
    run(database, dispatcher, world, until="read-out")
    posts = [all_text(post) for post in audit_posts(fake_slack)]
    kickoff_week, *_, readout = posts
    assert kickoff_week.startswith("Coaching audit 2027-W02")
    assert f"*Week-1 standups:* {HAND_COUNT}" in kickoff_week
    assert readout.startswith("Read-out of Q1 Kickoff: day 32 (Fri 12 Feb)")
    assert f"*Week-1 standups:* {HAND_COUNT}" in readout

    monkeypatch.chdir(tmp_path)  # no stray .env
    for name, value in (("SLACK_BOT_TOKEN", "xoxb-fake"),
                        ("SLACK_SIGNING_SECRET", "test-signing-secret"),
                        ("SLACK_API_URL", fake_slack.api_url), ("DATABASE_URL", database.url)):
        monkeypatch.setenv(name, value)
    clock.move_to(utc(2, 12))
    capsys.readouterr()
    assert main(["standups", "Q1 Kickoff"]) == 0
    assert f"Total: {HAND_COUNT}" in capsys.readouterr().out
