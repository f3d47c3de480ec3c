"""`kickoff-bot coaching PROGRAM`: the coaching record, as text and JSON, per manager."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bot.cli import main
from bot.fakeslack import FakeSlack
from db.models import CadenceType, Confirmation, LoggedStatus
from tests.cli.shell import shell_environment
from tests.coaching_world import build_world, item_of, materialise
from tests.databases import Database

AT = "2027-01-26T12:00"  # Tuesday of week 3 in the program's zone: week 2 is over


@pytest.fixture
def shell(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake_slack: FakeSlack, database: Database
) -> None:
    """The command's environment, and the program with a few logs (one with private notes)."""
    shell_environment(monkeypatch, tmp_path, fake_slack, database)
    with database.session_factory.begin() as session:
        world = build_world(session)
        materialise(session, world, datetime(2027, 1, 12, tzinfo=UTC))
        review = item_of(session, world, "URANA", CadenceType.CALL_REVIEW, 2)
        review.status, review.held_on, review.notes = LoggedStatus.DONE, date(2027, 1, 21), "secret"
        for name, score in zip(("discovery", "multi_threading", "objection_handling",
                                "next_step", "value_articulation"), (2, 3, 4, 5, 1), strict=True):
            setattr(review, f"score_{name}", score)
        disputed = item_of(session, world, "URBEN", CadenceType.ONE_ON_ONE, 2)
        disputed.status, disputed.held_on = LoggedStatus.DONE, date(2027, 1, 20)
        disputed.confirmation = Confirmation.DISPUTED
        skipped = item_of(session, world, "URLEN", CadenceType.ONE_ON_ONE, 2)
        skipped.status, skipped.skip_reason = LoggedStatus.SKIPPED, "QBR week"


@pytest.mark.usefixtures("shell")
def test_the_record_as_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["coaching", "Q1 Kickoff", "--at", AT]) == 0
    out = capsys.readouterr().out
    assert "Coaching record of Q1 Kickoff as of 2027-01-26 12:00 America/New_York" in out
    assert "Marcus Reed (UMLA)" in out
    assert "  week 2  call review" in out
    assert "Rep Ana (1 review): Discovery 2->2" in out
    assert "  week 2  1:1 of Rep Ben with Marcus Reed, logged as held on 2027-01-20" in out
    assert "secret" not in out  # notes and skip reasons stay private
    assert "QBR week" not in out
    # the same instant given with an offset (New York is UTC-5 in January): the same record
    assert main(["coaching", "Q1 Kickoff", "--at", "2027-01-26T17:00+00:00"]) == 0
    assert capsys.readouterr().out == out


@pytest.mark.usefixtures("shell")
def test_one_manager_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["coaching", "Q1 Kickoff", "--manager", "hannah weber", "--json",
                 "--at", AT]) == 0
    record = json.loads(capsys.readouterr().out)
    assert {week["manager_name"] for week in record["weeks"]} == {"Hannah Weber"}
    week_two = next(w for w in record["weeks"] if w["week"] == 2)
    assert week_two["cadences"]["one_on_one"] == {
        "due": 3, "done": 0, "rescheduled": 0, "skipped": 1, "missed": 2, "excused": 0,
        "disputed": 0, "open": 0,
    }
    assert record["rubric"] == []


@pytest.mark.usefixtures("shell")
def test_an_unknown_manager_is_one_clear_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["coaching", "Q1 Kickoff", "--manager", "UNOBODY"]) == 1
    assert "No manager 'UNOBODY' has coaching in 'Q1 Kickoff'." in capsys.readouterr().err
