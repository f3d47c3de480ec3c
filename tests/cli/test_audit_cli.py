"""`kickoff-bot audit PROGRAM`: a week as posted, as JSON, as CSV rows; and the audit's program
settings (`program edit --one-on-one-target ...`)."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest

from bot.cli import main
from bot.clock import SystemClock
from bot.fakeslack import FakeSlack
from bot.services.audit.record import record_weekly_audit
from bot.services.coaching.occurrences import materialise_items
from db.models import Program
from tests.audit_world import STANDUP_DAYS, answer_standups, build_world, log_coaching, utc
from tests.databases import Database

WEEK_2 = "2027-W03"  # program week 2, audited on Monday 25 January


@pytest.fixture
def shell(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake_slack: FakeSlack, database: Database,
    clock: SystemClock,
) -> None:
    """The command's environment, in the program's week 3; its week 2 logged and audited."""
    clock.move_to(utc(1, 26))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-fake")
    monkeypatch.setenv("SLACK_SIGNING_SECRET", "test-signing-secret")
    monkeypatch.setenv("SLACK_API_URL", fake_slack.api_url)
    monkeypatch.setenv("DATABASE_URL", database.url)
    with database.session_factory.begin() as session:
        world = build_world(session)
        program = session.get_one(Program, world.program_id)
        materialise_items(session=session, program=program, now=utc(1, 11))
        for day in range(1, len(STANDUP_DAYS) + 1):
            answer_standups(session, world, day)
        log_coaching(session, world, 2)
        record_weekly_audit(session=session, program=program, monday=date(2027, 1, 18),
                            now=utc(1, 25))


@pytest.mark.usefixtures("shell")
def test_a_week_as_posted(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "Q1 Kickoff", "--week", WEEK_2]) == 0
    out = capsys.readouterr().out
    assert "Coaching audit of Q1 Kickoff, week of 2027-01-18 (2027-W03), as posted" in out
    assert "1:1 completion: 86% (6 of 7 done; target 90%, typical baseline 60%)" in out
    assert ("1. Bo Chen: 1:1s 50% (1 of 2), under the 60% baseline; call reviews 1 of 2 done; "
            "territory reviews none due") in out
    assert "• Bo Chen: 1 open, raised Wed 13 Jan (12 days ago)" in out


@pytest.mark.usefixtures("shell")
def test_a_week_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "Q1 Kickoff", "--week", WEEK_2, "--json"]) == 0
    numbers = json.loads(capsys.readouterr().out)
    assert numbers["week"] == WEEK_2
    assert numbers["cadences"]["one_on_one"] == {"done": 6, "counted": 7, "excused": 1}


@pytest.mark.usefixtures("shell")
def test_rows_per_manager_and_per_rep_as_csv(tmp_path: Path) -> None:
    target = tmp_path / "audit.csv"
    assert main(["audit", "Q1 Kickoff", "--week", WEEK_2, "--csv", str(target)]) == 0
    rows = list(csv.DictReader(target.open()))
    managers = {row["name"]: row for row in rows if row["level"] == "manager"}
    reps = {row["name"]: row for row in rows if row["level"] == "rep"}
    assert len(managers) == 3
    assert len(reps) == 8
    assert managers["Bo Chen"] == {
        "level": "manager", "name": "Bo Chen", "manager": "", "program_week": "2",
        "iso_week": WEEK_2, "due": "4", "excused": "0", "done": "2", "completion_pct": "50",
    }
    assert (reps["Rep 8"]["excused"], reps["Rep 8"]["completion_pct"]) == ("2", "")  # away
    assert (reps["Rep 7"]["done"], reps["Rep 7"]["due"]) == ("1", "2")  # a disputed review


@pytest.mark.usefixtures("shell")
def test_the_audit_settings_of_a_program(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["program", "edit", "Q1 Kickoff", "--one-on-one-target", "1.5"]) == 1
    assert "--one-on-one-target:" in capsys.readouterr().err
    assert main(["program", "edit", "Q1 Kickoff", "--readout-day", "33",
                 "--baseline-completion", "0.55"]) == 0
    capsys.readouterr()
    assert main(["program", "show", "Q1 Kickoff", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert (shown["readout_day"], shown["baseline_completion"]) == (33, 0.55)
    assert shown["one_on_one_target"] == 0.9
