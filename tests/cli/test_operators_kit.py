"""The operator's kit: --version, the sample roster and .env, `roster list`, the exports of
standup answers and the coaching log, `db current`, and a quiet scheduler log."""

from __future__ import annotations

import csv
import json
import logging
from collections.abc import Iterator
from io import StringIO
from pathlib import Path

import pytest
from sqlalchemy import update

from bot.cli import main
from bot.clock import SystemClock
from bot.fakeslack import FakeSlack
from bot.logs import configure_logging
from bot.services.coaching.occurrences import materialise_items
from bot.settings import Settings
from db.models import CoachingItem, Program, StandupAnswer
from tests.audit_world import STANDUP_DAYS, answer_standups, build_world, log_coaching, utc
from tests.cli.shell import PROGRAM, Shell, create_program, open_shell
from tests.databases import Database, postgres_database, postgres_reachable

ROOT = Path(__file__).parents[2]
EXAMPLE_PEOPLE = {"maria.santos": "UMARIA", "dev.patel": "UDEV", "marcus.reed": "UMARCUS",
                  "jo.kim": "UJO", "ana.lima": "UANA2", "ben.ode": "UBEN2", "cai.wu": "UCAI2"}


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])

    assert exited.value.code == 0
    assert capsys.readouterr().out == "kickoff-bot 0.1.0\n"


def test_every_setting_of_the_sample_env_file_is_one_kickoff_bot_reads() -> None:
    lines = (ROOT / ".env.example").read_text(encoding="utf-8").splitlines()
    names = {line.lstrip("# ").split("=")[0] for line in lines if "=" in line}

    assert names == {"SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "DATABASE_URL",
                     "KICKOFF_ADMINS", "DEFAULT_TIMEZONE", "PORT", "LOG_LEVEL"}
    assert {name.lower() for name in names} <= set(Settings.model_fields)
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")


def test_the_sample_roster_imports_and_lists(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake_slack: FakeSlack, database: Database,
    clock: SystemClock, capsys: pytest.CaptureFixture[str],
) -> None:
    open_shell(monkeypatch, tmp_path, fake_slack, database, clock)
    for local, user_id in EXAMPLE_PEOPLE.items():
        fake_slack.add_user(user_id, real_name=local.replace(".", " ").title(),
                            email=f"{local}@example.com")
    fake_slack.add_user("U0DEMO0DAN", real_name="Dan Demo")
    create_program()

    assert main(["roster", "import", PROGRAM, str(ROOT / "examples" / "roster.csv")]) == 0
    capsys.readouterr()
    assert main(["roster", "list", PROGRAM]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert main(["roster", "list", PROGRAM, "--json"]) == 0
    members = json.loads(capsys.readouterr().out)

    assert len(listing) == len(members) == 8
    assert any(line.startswith("Ana Lima") and "manager Marcus Reed" in line and "team East"
               in line for line in listing)
    dan = next(member for member in members if member["slack_id"] == "U0DEMO0DAN")
    assert dan | {"email": None} == {"name": "Dan Demo", "slack_id": "U0DEMO0DAN", "email": None,
                                     "roles": "rep", "manager": "Jo Kim", "team": "West",
                                     "timezone": "UTC", "active": True}


@pytest.fixture
def logged_program(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake_slack: FakeSlack, database: Database,
    clock: SystemClock,
) -> Shell:
    """The audit's world: standups answered (one with a formula), week 2's coaching logged
    (with a private note)."""
    shell = open_shell(monkeypatch, tmp_path, fake_slack, database, clock)
    clock.move_to(utc(1, 26))
    with database.session_factory.begin() as session:
        world = build_world(session)
        materialise_items(session=session, program=session.get_one(Program, world.program_id),
                          now=utc(1, 11))
        for day in range(1, len(STANDUP_DAYS) + 1):
            answer_standups(session, world, day)
        log_coaching(session, world, 2)
        session.execute(update(StandupAnswer).where(StandupAnswer.day_number == 1)
                        .values(win='=HYPERLINK("http://x.invalid","won")'))
        session.execute(update(CoachingItem).values(notes="private: worried about quota"))
    return shell


def test_standup_answers_export_as_csv_with_formulas_neutralised(
    logged_program: Shell, capsys: pytest.CaptureFixture[str]
) -> None:
    target = logged_program.folder / "answers.csv"

    assert main(["export", "standups", "Q1 Kickoff", str(target)]) == 0

    rows = list(csv.DictReader(StringIO(target.read_text(encoding="utf-8"))))
    assert capsys.readouterr().out == (
        f"wrote {len(rows)} rows of 'Q1 Kickoff' (standups) to {target}\n")
    assert len(rows) == 8 + 8 + 8 + 6
    first = rows[0]
    assert (first["day"], first["activity"], first["late"]) == ("1", "Called 5 accounts", "False")
    assert first["win"] == "'=HYPERLINK(\"http://x.invalid\",\"won\")"
    assert {row["blocker"] for row in rows} == {"", "CRM access", "No demo environment",
                                                "Pricing"}


def test_coaching_log_exports_as_json_without_the_notes(
    logged_program: Shell, capsys: pytest.CaptureFixture[str]
) -> None:
    target = logged_program.folder / "coaching.json"

    assert main(["export", "coaching", "Q1 Kickoff", str(target)]) == 0

    items = json.loads(target.read_text(encoding="utf-8"))
    logged = [item for item in items if item["status"] != "planned"]
    assert logged
    assert all(item["week"] == 2 for item in logged)
    assert {"manager", "rep", "cadence", "score_discovery"} <= set(items[0])
    assert "notes" not in items[0]
    assert "worried about quota" not in target.read_text(encoding="utf-8")


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database with no schema yet, on each engine."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'new.db'}"
        return
    if not postgres_reachable():
        pytest.skip("PostgreSQL is not reachable")
    with postgres_database() as url:
        yield url


def test_db_current_says_whether_an_upgrade_is_due(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, empty_database_url: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", empty_database_url)
    monkeypatch.setenv("LOG_LEVEL", "WARNING")  # Alembic's lines at INFO are not the point here
    if empty_database_url.startswith("sqlite"):
        assert main(["db", "current"]) == 1
        assert "there is no database at" in capsys.readouterr().err
        assert main(["db", "upgrade"]) == 0
    else:
        assert main(["db", "current"]) == 1
        assert "is at no schema yet; the newest is" in capsys.readouterr().out
        assert main(["db", "upgrade"]) == 0
    capsys.readouterr()

    assert main(["db", "current"]) == 0
    assert capsys.readouterr().out.rstrip().endswith(", the newest schema")


def test_scheduler_job_runs_log_at_debug_and_failures_still_at_error(
    caplog: pytest.LogCaptureFixture,
) -> None:
    configure_logging("INFO")
    executor, scheduler = (logging.getLogger(name) for name in
                           ("apscheduler.executors.default", "apscheduler.scheduler"))
    with caplog.at_level(logging.INFO):
        executor.info('Running job "%s" (scheduled at %s)', "dispatch", "2027-03-08 10:00:00")
        executor.info('Job "%s" executed successfully', "dispatch")
        scheduler.warning('Execution of job "%s" skipped: maximum number of running instances '
                          "reached (%d)", "plan", 1)
        executor.error('Job "%s" raised an exception', "plan")

    assert [(record.levelname, record.getMessage()) for record in caplog.records] == [
        ("ERROR", 'Job "plan" raised an exception')]


def test_program_retention_is_off_until_set(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake_slack: FakeSlack, database: Database,
    clock: SystemClock, capsys: pytest.CaptureFixture[str],
) -> None:
    open_shell(monkeypatch, tmp_path, fake_slack, database, clock)
    create_program()
    capsys.readouterr()

    assert main(["program", "retention", PROGRAM]) == 0
    assert capsys.readouterr().out == (
        f"personal data of {PROGRAM!r}: kept until erased (no retention set)\n")
    assert main(["program", "retention", PROGRAM, "90"]) == 0
    assert capsys.readouterr().out == (
        f"personal data of {PROGRAM!r}: purged 90 days after the program ends\n")
    assert main(["program", "retention", PROGRAM, "soon"]) == 1
    assert capsys.readouterr().err == (
        "kickoff-bot: retention: 'soon' is not a number of days (or off)\n")
    assert main(["program", "retention", PROGRAM, "off"]) == 0
    assert "kept until erased" in capsys.readouterr().out
