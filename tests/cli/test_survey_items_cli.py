"""`kickoff-bot survey create --template gap`, `survey gap` and `survey results [--json]` for a
survey of several questions: per question, a distribution only from twice the minimum."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from bot.cli import main
from bot.clock import system_clock
from bot.services.surveys.answer import record_answer
from db.models import Program, Survey
from tests.cli.test_survey_cli import close_now, create, shell  # noqa: F401  # fixture
from tests.databases import Database
from tests.services.surveys.world import KEY


def answer_gap(database: Database, reps: int) -> int:
    """The first `reps` reps answer the gap survey; its id."""
    with database.session_factory.begin() as session:
        survey_id = session.scalars(select(Survey.id)).one()
        for n in range(1, reps + 1):
            record_answer(session=session, survey_id=survey_id, slack_user_id=f"UREP{n:02d}",
                          answer=(n % 5 + 1, 4, 4, 3, 2, f"=gap {n}"),
                          now=system_clock().now(), key=KEY)
    return survey_id


@pytest.mark.usefixtures("shell")
def test_gap_results_per_question_as_lines_and_json(
    database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert create("--template", "gap") == 0
    survey_id = answer_gap(database, 7)
    close_now(database)
    capsys.readouterr()
    assert main(["survey", "results", str(survey_id)]) == 0
    shown = capsys.readouterr().out
    assert ("1. My skills cover what this year's plan asks of me.\n"
            "  mean 2.9 (1 = Big gaps, 5 = No gaps), 7 answers\n") in shown  # 20 / 7
    assert "no distribution: fewer than 10 answered" in shown
    assert "  - =gap 7" in shown
    assert main(["survey", "results", str(survey_id), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["state"] == "published"
    assert data["responses"] == 7
    first, texts = data["questions"][0], data["questions"][5]
    assert (first["kind"], first["mean"], first["count"]) == ("1-5", "2.9", 7)
    assert first["distribution"] is None
    assert sorted(texts["texts"]) == sorted(f"=gap {n}" for n in range(1, 8))


@pytest.mark.usefixtures("shell")
def test_survey_gap_schedules_both_runs(
    database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    kickoff = system_clock().now().date() + timedelta(days=60)
    with database.session_factory.begin() as session:
        session.execute(update(Program).values(kickoff_date=kickoff))
    assert main(["survey", "gap", "--program", "FY27 Kickoff", "--results-channel",
                 "CRESULTS"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"created survey 1 'Gap survey (before the kickoff)' for FY27 Kickoff: "
        f"{kickoff - timedelta(days=28)} 08:00 UTC to {kickoff - timedelta(days=14)} 18:00 UTC, "
        "minimum 5",
        f"created survey 2 'Gap survey (after the kickoff)' for FY27 Kickoff: "
        f"{kickoff + timedelta(days=28)} 08:00 UTC to {kickoff + timedelta(days=31)} 18:00 UTC, "
        "minimum 5",
    ]
