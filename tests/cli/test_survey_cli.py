"""`kickoff-bot survey create|list|results`, run as a shell user would; results under the same
rules as in Slack."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from bot.cli import main
from bot.clock import system_clock
from bot.domain.surveys.content import AnswerContent
from bot.fakeslack import FakeSlack
from bot.services.surveys.answer import record_answer
from db.models import Program, Survey
from tests.cli.shell import shell_environment
from tests.databases import Database
from tests.services.surveys.world import KEY, make_world


@pytest.fixture
def shell(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake_slack: FakeSlack, database: Database
) -> None:
    """The command's environment and a program of 12 reps."""
    shell_environment(monkeypatch, tmp_path, fake_slack, database)
    fake_slack.add_channel("CRESULTS", "kickoff-results")  # where results go: checked first
    with database.session_factory.begin() as session:
        make_world(session)


def closes() -> str:
    """The closing the tests give: 17:00 three days after the shell's today."""
    return (system_clock().now() + timedelta(days=3)).strftime("%Y-%m-%d 17:00")


def create(*extra: str) -> int:
    """`kickoff-bot survey create` with the usual options and `extra`."""
    return main(["survey", "create", "--program", "FY27 Kickoff", "--title", "Pulse",
                 "--audience", "reps", "--closes", closes(), "--results-channel", "CRESULTS",
                 *extra])


def answer(database: Database, reps: int) -> int:
    """The first `reps` reps answer the survey; its id."""
    with database.session_factory.begin() as session:
        survey_id = session.scalars(select(Survey.id)).one()
        for n, score in zip(range(1, reps + 1), (10, 9, 9, 8, 7, 6, 3), strict=False):
            record_answer(session=session, survey_id=survey_id, slack_user_id=f"UREP{n:02d}",
                          answer=AnswerContent(score=score, kill=f"kill {n}"),
                          now=system_clock().now(), key=KEY)
    return survey_id


def close_now(database: Database) -> None:
    """Move the survey's closing into the past, as if its time had come."""
    with database.session_factory.begin() as session:
        closed = system_clock().now() - timedelta(minutes=1)
        session.execute(update(Survey).values(closes_at=closed))


@pytest.mark.usefixtures("shell")
def test_create_then_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert create() == 0
    assert f"to {closes()} UTC, minimum 5" in capsys.readouterr().out
    assert main(["survey", "list"]) == 0
    assert "Pulse" in capsys.readouterr().out


@pytest.mark.usefixtures("shell")
def test_create_refuses_a_closing_outside_the_working_hours(
    capsys: pytest.CaptureFixture[str], database: Database
) -> None:
    late = closes().replace("17:00", "19:30")
    assert main(["survey", "create", "--program", "FY27 Kickoff", "--title", "Pulse",
                 "--audience", "reps", "--closes", late, "--results-channel", "CRESULTS"]) == 1
    assert capsys.readouterr().err == (
        "kickoff-bot: --closes: The closing, 19:30 in UTC, is after the working window "
        "(08:00-18:00); set it to 18:00 or earlier, or widen the working hours.\n")
    with database.session_factory() as session:
        assert session.scalars(select(Survey)).all() == []


@pytest.mark.usefixtures("shell")
def test_create_refuses_a_minimum_above_the_audience(capsys: pytest.CaptureFixture[str]) -> None:
    assert create("--minimum", "13") == 1
    assert "above the audience's size (12 people)" in capsys.readouterr().err


@pytest.mark.usefixtures("shell")
def test_results_follow_the_rules(
    database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert create() == 0
    survey_id = answer(database, 7)
    capsys.readouterr()
    assert main(["survey", "results", str(survey_id)]) == 0
    still_open = capsys.readouterr().out
    assert "7 people have answered so far" in still_open
    assert "eNPS" not in still_open
    close_now(database)
    assert main(["survey", "results", str(survey_id)]) == 0
    shown = capsys.readouterr().out
    assert "eNPS +14 (43% promoters minus 29% detractors)" in shown
    assert "7 responses from 12 people asked (58%)" in shown
    assert "   9: 2" in shown
    assert all(f"  - kill {n}" in shown for n in range(1, 8))


@pytest.mark.usefixtures("shell")
def test_results_below_the_minimum_show_nothing(
    database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert create() == 0
    survey_id = answer(database, 4)
    close_now(database)
    capsys.readouterr()
    assert main(["survey", "results", str(survey_id)]) == 0
    shown = capsys.readouterr().out
    assert "fewer responses than the minimum: nothing is shown" in shown
    assert "kill" not in shown
    assert "eNPS" not in shown


@pytest.mark.usefixtures("shell")
def test_closes_is_read_in_the_programs_zone_unless_an_offset_is_given(
    database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    with database.session_factory.begin() as session:
        session.execute(update(Program).values(timezone="Asia/Kolkata"))
    day = closes()[:10]
    for given in (f"{day} 17:00", f"{day}T17:00", f"{day}T11:30+00:00"):
        assert main(["survey", "create", "--program", "FY27 Kickoff", "--title", "Pulse",
                     "--audience", "reps", "--closes", given, "--results-channel", "CRESULTS"]) == 0
        assert f"to {day} 17:00 Asia/Kolkata, minimum 5" in capsys.readouterr().out
    with database.session_factory() as session:
        closings = set(session.scalars(select(Survey.closes_at)))
    assert len(closings) == 1  # the three spellings name one instant
    assert main(["survey", "create", "--program", "FY27 Kickoff", "--title", "Pulse",
                 "--audience", "reps", "--closes", "Friday", "--results-channel", "CRESULTS"]) == 1
    assert capsys.readouterr().err.startswith("kickoff-bot: --closes: 'Friday' is not a time like")


@pytest.mark.usefixtures("shell")
def test_close_asks_for_yes_then_closes_now(
    database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert create() == 0
    survey_id = answer(database, 7)
    capsys.readouterr()

    assert main(["survey", "close", str(survey_id)]) == 1
    assert capsys.readouterr().err.startswith("kickoff-bot: closing a survey cannot be undone")
    with database.session_factory() as session:
        assert session.get_one(Survey, survey_id).closed_at is None

    assert main(["survey", "close", str(survey_id), "--yes"]) == 0
    assert capsys.readouterr().out == (
        f"survey {survey_id} 'Pulse' closed: the results are queued for CRESULTS\n")
    with database.session_factory() as session:
        assert session.get_one(Survey, survey_id).closed_at is not None
