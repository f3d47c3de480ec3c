"""`kickoff-bot standups`: the follow-through rate (was the last answered day's planned activity
done?) matches a count by hand, in the JSON and the total's sentence."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.cli import main
from bot.clock import SystemClock
from bot.domain.standups.fields import Field
from bot.fakeslack import FakeSlack
from bot.services.standups.answer import submit_answer
from bot.services.standups.turn import StandupTurn
from db.models import Program
from tests.cli.shell import shell_environment
from tests.databases import Database
from tests.standup_world import answer_with_follow_through, build_world, utc

DAY_3_OVER = datetime(2027, 3, 17, 12, tzinfo=UTC)  # Day 3 (Tue 16 March) is over everywhere


@pytest.fixture
def shell(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake_slack: FakeSlack, database: Database
) -> None:
    """The command's environment and the standup world's follow-through answers (3 of 5 done,
    1 partly, by hand)."""
    shell_environment(monkeypatch, tmp_path, fake_slack, database)
    with database.session_factory.begin() as session:
        answer_with_follow_through(session, build_world(session))


@pytest.mark.usefixtures("shell")
def test_the_follow_through_rate_matches_a_hand_count(
    capsys: pytest.CaptureFixture[str], clock: SystemClock
) -> None:
    clock.move_to(DAY_3_OVER)
    assert main(["standups", "FY27 Kickoff", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    totals = report["totals"]
    assert (totals["follow_yes"], totals["follow_partly"], totals["follow_no"]) == (3, 1, 1)
    by_day = {d["day"]: (d["follow_yes"], d["follow_partly"], d["follow_no"])
              for d in report["days"]}
    assert by_day[1] == (0, 0, 0)
    assert by_day[2] == (1, 0, 1)
    assert by_day[3] == (2, 1, 0)
    managers = {m["manager"]: (m["follow_yes"], m["follow_partly"], m["follow_no"])
                for m in report["managers"]}
    assert managers["Priya Nair"] == (1, 1, 0)  # Arjun's two answers
    assert main(["standups", "FY27 Kickoff"]) == 0
    out = capsys.readouterr().out
    assert "follow-through: 3 of 5 planned activities done (1 partly), 60%" in out
    assert "follow yes" in out  # the table's column


@pytest.mark.usefixtures("shell")
def test_a_missing_follow_through_answer_saves_nothing(database: Database) -> None:
    with database.session_factory.begin() as session:
        program_id = session.scalars(select(Program.id)).one()
        refused = submit_answer(
            session=session,
            turn=StandupTurn(program_id=program_id, rep_user_id="UKOL", actor_user_id="UKOL",
                             number=4, now=utc(2027, 3, 17, 4)),
            opened_revision=0, raw={Field.ACTIVITY: "Call", Field.WIN: "Win"},
        )
    assert refused.outcome is None
    assert refused.follow_error is not None
    assert "yes, partly or no" in refused.follow_error
