"""`kickoff-bot plans contract` and `kickoff-bot plans export --csv`: the contract enablement
writes, and one row per rep matching what was signed, spreadsheet formulas neutralised."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime, time
from io import StringIO
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.cli import main
from bot.fakeslack import FakeSlack
from bot.ids import PlanField
from bot.services.actor import Actor
from bot.services.plans.signing import cosign_plan, submit_plan
from db.models import Person, PlanContract
from tests.cli.shell import refusal, row_counts, shell_environment
from tests.coaching_world import build_world
from tests.databases import Database
from tests.plans_support import GOOD

SIGNED = datetime(2027, 1, 11, 19, 30, tzinfo=UTC)
COSIGNED = datetime(2027, 1, 11, 21, 0, tzinfo=UTC)
RISKY = GOOD | {PlanField.GOAL: "=450k closed", PlanField.OBSTACLE_1: "+ more calls",
                PlanField.OBSTACLE_2: "-no budget", PlanField.OBSTACLE_3: "@champion left",
                PlanField.COACHING_PLAN: "Review a call a week"}


@pytest.fixture
def shell(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake_slack: FakeSlack, database: Database
) -> None:
    """The New York event: Ana signed a risky plan her manager co-signed, Ben signed alone."""
    shell_environment(monkeypatch, tmp_path, fake_slack, database)
    with database.session_factory.begin() as session:
        world = build_world(session)
        ana = submit_plan(session=session, program_id=world.program_id, actor=Actor("URANA"),
                          values=RISKY, now=SIGNED).plan
        assert ana is not None
        cosign_plan(session=session, plan_id=ana.id, revision=1, actor=Actor("UMLA"),
                    now=COSIGNED)
        submit_plan(session=session, program_id=world.program_id, actor=Actor("URBEN"),
                    values=GOOD, now=SIGNED)
        ben = session.scalars(select(Person).where(Person.slack_user_id == "URBEN")).one()
        ben.name = "\tRep Ben"  # names come from Slack: a tab at the start too is neutralised
        cai = session.scalars(select(Person).where(Person.slack_user_id == "URCAI")).one()
        cai.email = "\rcai@example.com"


def exported(capsys: pytest.CaptureFixture[str]) -> dict[str, dict[str, str]]:
    """`plans export --csv` to the terminal, by rep Slack id."""
    assert main(["plans", "export", "Q1 Kickoff", "--csv"]) == 0
    return {row["rep_slack_id"]: row for row in csv.DictReader(StringIO(capsys.readouterr().out))}


@pytest.mark.usefixtures("shell")
def test_the_export_matches_what_was_signed(capsys: pytest.CaptureFixture[str]) -> None:
    rows = exported(capsys)
    assert len(rows) == 10  # one per rep, signed or not
    ana = rows["URANA"]
    assert (ana["goal"], ana["obstacle_1"], ana["obstacle_2"], ana["obstacle_3"]) == (
        "'=450k closed", "'+ more calls", "'-no budget", "'@champion left")
    assert (ana["version"], ana["state"], ana["focus"], ana["manager"]) == (
        "1", "signed by both", "Discovery", "Marcus Reed")
    assert (ana["rep_signed_at"], ana["manager_signed_at"]) == (
        SIGNED.isoformat(), COSIGNED.isoformat())
    ben = rows["URBEN"]
    assert (ben["rep"], ben["state"], ben["manager_signed_at"]) == (
        "'\tRep Ben", "signed by the rep only", "")
    assert (rows["URCAI"]["rep_email"], rows["URCAI"]["state"], rows["URCAI"]["goal"]) == (
        "'\rcai@example.com", "missing", "")


@pytest.mark.usefixtures("shell")
def test_the_export_as_json_keeps_values_exact(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = str(tmp_path / "plans.json")
    assert main(["plans", "export", "Q1 Kickoff", "--json", "-o", target]) == 0
    assert "wrote 10 plans of 'Q1 Kickoff'" in capsys.readouterr().out
    rows = json.loads((tmp_path / "plans.json").read_text(encoding="utf-8"))
    assert next(row for row in rows if row["rep_slack_id"] == "URANA")["goal"] == "=450k closed"


@pytest.mark.usefixtures("shell")
def test_enablement_writes_the_contract_and_the_breakout_time(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, database: Database,
) -> None:
    assert main(["plans", "contract", "Q1 Kickoff"]) == 0
    assert "(the default); plans asked on event day 1 at 14:00 America/New_York" in (
        capsys.readouterr().out)
    (tmp_path / "contract.txt").write_text("I commit to 60 meetings.\n", encoding="utf-8")
    assert main(["plans", "contract", "Q1 Kickoff", "--file", "contract.txt", "--day", "2",
                 "--at", "15:30"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == "I commit to 60 meetings."
    with database.session_factory() as session:
        row = session.scalars(select(PlanContract)).one()
        assert (row.text, row.breakout_day, row.breakout_time) == (
            "I commit to 60 meetings.", 2, time(15, 30))


@pytest.mark.usefixtures("shell")
def test_a_bad_contract_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, database: Database,
) -> None:
    before = row_counts(database)
    assert main(["plans", "contract", "Q1 Kickoff", "--day", "3"]) != 0
    assert "the event has 2 day(s); choose 1 to 2" in refusal(capsys)
    assert main(["plans", "contract", "Q1 Kickoff", "--at", "19:00"]) != 0
    assert ("the breakout, 19:00 in America/New_York, is not inside the working window "
            "(08:00-18:00)") in refusal(capsys)
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    assert main(["plans", "contract", "Q1 Kickoff", "--file", "empty.txt"]) != 0
    assert "the contract is empty" in refusal(capsys)
    assert row_counts(database) == before
