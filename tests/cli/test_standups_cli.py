"""`kickoff-bot standups PROGRAM [--json]`: participation per day, team and manager."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select, update

from bot.cli import main
from bot.clock import SystemClock
from bot.domain.kinds import DeliveryKind
from bot.domain.standups.fields import Field
from bot.fakeslack import FakeSlack
from bot.services.outbox import Envelope, queue
from bot.services.standups.answer import submit_answer
from bot.services.standups.keys import prompt_key
from bot.services.standups.turn import StandupTurn
from db.models import Delivery, DeliveryStatus, Program
from tests.cli.shell import shell_environment
from tests.databases import Database
from tests.standup_world import build_world, utc

DAY_1_OVER = datetime(2027, 3, 13, 12, tzinfo=UTC)  # Day 1 is over everywhere

@pytest.fixture
def shell(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake_slack: FakeSlack, database: Database
) -> None:
    """The command's environment; two Day 1 answers, one late with a blocker."""
    shell_environment(monkeypatch, tmp_path, fake_slack, database)
    with database.session_factory.begin() as session:
        world = build_world(session)
        for user, now, blocker in (
            ("UKOL", utc(2027, 3, 12, 4), None),
            ("UBER", utc(2027, 3, 12, 20), "Legal review"),
        ):
            done = submit_answer(
                session=session,
                turn=StandupTurn(
                    program_id=world.program_id,
                    rep_user_id=user,
                    actor_user_id=user,
                    number=1,
                    now=now,
                ),
                opened_revision=0,
                raw={Field.ACTIVITY: "Call", Field.WIN: "Win", Field.BLOCKER: blocker},
            )
            assert done.outcome is not None


@pytest.mark.usefixtures("shell")
def test_json_gives_days_teams_and_managers_with_open_blockers(
    capsys: pytest.CaptureFixture[str], clock: SystemClock
) -> None:
    clock.move_to(DAY_1_OVER)
    assert main(["standups", "FY27 Kickoff", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    day_1 = report["days"][0]
    assert (day_1["date"], day_1["expected"], day_1["answered"], day_1["late"]) == (
        "2027-03-12",
        5,
        2,
        1,
    )
    assert day_1["excused"] == 3  # never prompted: the bot did not run in this test
    assert report["days"][1]["pending"] == 5
    teams = {t["team"]: t["answered"] for t in report["teams"]}
    assert teams == {"APAC": 1, "EMEA": 1, "West": 0}
    managers = {m["manager"]: m["open_blockers"] for m in report["managers"]}
    assert managers == {"Hannah Weber": 1, "Marcus Reed": 0, "Priya Nair": 0}


@pytest.mark.usefixtures("shell")
def test_the_table_is_readable(
    capsys: pytest.CaptureFixture[str], clock: SystemClock
) -> None:
    clock.move_to(DAY_1_OVER)
    assert main(["standups", "FY27 Kickoff"]) == 0
    out = capsys.readouterr().out
    assert "Week-1 standups of FY27 Kickoff" in out
    assert "Day 1  2027-03-12" in out
    assert "open blockers" in out
    assert "Hannah Weber" in out


@pytest.mark.usefixtures("shell")
def test_an_unknown_program_is_one_clear_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["standups", "Nope"]) == 1
    assert "No program named 'Nope'" in capsys.readouterr().err


@pytest.mark.usefixtures("shell")
def test_at_shows_the_figures_as_they_stood(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["standups", "FY27 Kickoff", "--json", "--at", "2027-03-12T12:00"]) == 0
    day_1 = json.loads(capsys.readouterr().out)["days"][0]
    assert (day_1["answered"], day_1["pending"]) == (1, 3)  # Lena answers at 20:00 UTC
    assert main(["standups", "FY27 Kickoff", "--at", "noon"]) == 1
    assert "--at: 'noon' is not a time" in capsys.readouterr().err


def _prompted(database: Database, *users: str) -> None:
    """Day 1 prompts that reached `users` (the rest were never prompted: excused)."""
    with database.session_factory.begin() as session:
        program = session.scalars(select(Program)).one()
        queue(session, [Envelope(
            key=prompt_key(program.id, user, 1), kind=DeliveryKind.STANDUP_PROMPT,
            workspace_id=program.workspace_id, program_id=program.id, person_id=None,
            channel=user, text="Day 1", blocks=None, due_at=utc(2027, 3, 12, 3),
            window_end=utc(2027, 3, 12, 6)) for user in users], now=utc(2027, 3, 11))
        session.execute(update(Delivery).values(status=DeliveryStatus.SENT))


@pytest.mark.usefixtures("shell")
def test_the_total_says_all_four_outcomes_as_counted_by_hand(
    database: Database, capsys: pytest.CaptureFixture[str], clock: SystemClock
) -> None:
    # Day 1: Arjun answered, Lena answered late, Ana and Olivia were prompted and did not
    # answer (missed), Aroha was never prompted (excused); Days 2-5 are still open for all five.
    _prompted(database, "UKOL", "UBER", "ULA", "USYD")
    clock.move_to(DAY_1_OVER)
    assert main(["standups", "FY27 Kickoff"]) == 0
    assert ("Total: 25 rep-days expected: 2 answered (1 late), 1 excused, 2 missed, 20 still "
            "open; 50% answered of the 4 closed and not excused") in capsys.readouterr().out


@pytest.mark.usefixtures("shell")
def test_at_is_read_in_the_programs_zone_unless_an_offset_is_given(
    database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    with database.session_factory.begin() as session:
        session.scalars(select(Program)).one().timezone = "America/New_York"
    stood = []
    for at in ("2027-03-12T07:00", "2027-03-12T12:00+00:00", "2027-03-12T17:30+05:30"):
        assert main(["standups", "FY27 Kickoff", "--json", "--at", at]) == 0
        stood.append(json.loads(capsys.readouterr().out)["as_of"])
    assert stood == ["2027-03-12T12:00:00+00:00"] * 3  # 07:00 in New York (EST) is 12:00 UTC
    assert main(["standups", "FY27 Kickoff", "--at", "2027-03-12T07:00"]) == 0
    assert "as of 2027-03-12 07:00 America/New_York" in capsys.readouterr().out
