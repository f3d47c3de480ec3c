"""`kickoff-bot certification create PROGRAM --file` and `kickoff-bot certifications PROGRAM
[--json|--csv]`, run as a shell user would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.cli import main
from bot.clock import SystemClock
from bot.fakeslack import FakeSlack
from db.models import Certification
from tests.cli.shell import refusal, shell_environment
from tests.databases import Database
from tests.handlers.certification_support import IN_PRE_EVENT, PRE_EVENT, TALK_TRACK
from tests.services.certification.taking import answer
from tests.services.surveys.world import make_world


@pytest.fixture
def shell(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake_slack: FakeSlack,
          database: Database, clock: SystemClock) -> Path:
    """The command's environment, a program of 5 reps, and where to write files."""
    clock.move_to(IN_PRE_EVENT)
    shell_environment(monkeypatch, tmp_path, fake_slack, database)
    with database.session_factory.begin() as session:
        make_world(session, reps=5)
    return tmp_path


def create(folder: Path, text: str) -> int:
    path = folder / "cert.yml"
    path.write_text(text, encoding="utf-8")
    return main(["certification", "create", "FY27 Kickoff", "--file", str(path)])


def test_a_file_makes_a_certification(shell: Path, database: Database,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert create(shell, PRE_EVENT) == 0
    assert capsys.readouterr().out == (
        "created certification 1 'Pricing pre-cert' (pre-event) for FY27 Kickoff: opens on "
        "day -14, due on day -2, 3 attempts\n")
    assert create(shell, TALK_TRACK) == 0
    with database.session_factory() as session:
        made = session.scalars(select(Certification).order_by(Certification.id)).all()
    assert [(c.stage, c.opens_day, c.due_day, c.attempts) for c in made] == [
        ("pre-event", -14, -2, 3), ("post-event", 3, 14, 2)]


def test_every_problem_is_named_with_its_line_and_nothing_is_made(
    shell: Path, database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = PRE_EVENT.replace("answer: Enterprise", "answer: Gold").replace(
        "[7 days, 14 days, 30 days]", f"[7 days, 14 days, {'z' * 76}]")
    assert create(shell, bad) == 1
    assert refusal(capsys) == (
        f"kickoff-bot: {shell / 'cert.yml'}: line 6: no right answer: `answer` must repeat one "
        "option exactly; line 9: option 3 is over 75 characters (Slack's limit).")
    assert create(shell, "name: x\n  stage: - pre\n") == 1
    assert refusal(capsys).endswith("cert.yml: line 2: this is not valid YAML.")
    with database.session_factory() as session:
        assert session.scalars(select(Certification)).all() == []


def test_each_reps_status_and_score_as_json_and_csv(
    shell: Path, database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    assert create(shell, PRE_EVENT) == 0
    with database.session_factory.begin() as session:
        answer(session, 1, "UREP01", IN_PRE_EVENT)
        answer(session, 1, "UREP02", IN_PRE_EVENT, right=False)
    capsys.readouterr()
    assert main(["certifications", "FY27 Kickoff", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["slack_id"], r["status"], r["best_percent"], r["attempts_left"])
            for r in rows[:3]] == [("UREP01", "passed", 100, 2), ("UREP02", "failed", 0, 2),
                                   ("UREP03", "not started", None, 3)]
    assert main(["certifications", "FY27 Kickoff", "--csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == ("certification,stage,person,slack_id,manager,status,attempts_left,"
                        "best_percent,talk_track_average,due_on")
    assert lines[1] == ("Pricing pre-cert,pre-event,Rep 01,UREP01,Marta Manager,passed,2,100,,"
                        "2027-01-09")
