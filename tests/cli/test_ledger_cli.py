"""`kickoff-bot ledger`: over two programs, each row says what that program's read-out said,
beside its decisions and break-even; CSV through the shared writer, Markdown too."""

from __future__ import annotations

import csv
from datetime import date, timedelta
from io import StringIO
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.cli import main
from bot.clock import SystemClock
from bot.domain.audit.numbers import Tally
from bot.fakeslack import FakeSlack
from bot.services.actor import Actor
from bot.services.audit.record import record_readout
from bot.services.audit.weeks import readout_prepared_at
from bot.services.coaching.occurrences import materialise_items
from bot.services.ledger.break_even import set_break_even
from bot.services.ledger.columns import stored_readout
from bot.services.ledger.decisions import DecisionValues, record_decision
from bot.services.outbox import queue
from db.models import Person, Program, Role, Workspace
from scheduler.plans.audit import AuditPlanner
from tests.audit_world import LEADER, build_world, log_coaching, publish_survey, utc
from tests.cli.shell import shell_environment
from tests.databases import Database
from tests.factories import add_member, make_program

Q3_KICKOFF = date(2027, 7, 5)


def take_readout(session: Session, program: Program) -> None:
    """Store the program's read-out and queue its post, as the audit planner does on day 32."""
    at = readout_prepared_at(program)
    record_readout(session=session, program=program, week=at.date() - timedelta(
        days=at.weekday()), now=at)
    posts = list(AuditPlanner().plan(session=session, start=at, end=at + timedelta(days=1)))
    queue(session, posts, now=at)


def decide(session: Session, program: Program, intervention: str, verdict: str, reason: str,
           owner: str = "UMADA") -> None:
    """A leader's decision on `program`, a day after its read-out."""
    record_decision(session=session, actor=Actor(LEADER), program_id=program.id,
                    now=readout_prepared_at(program) + timedelta(days=1),
                    values=DecisionValues(intervention=intervention, custom=None,
                                          verdict=verdict, owner=owner, reason=reason,
                                          confounds=("comp_plan", "launch")))


@pytest.fixture
def shell(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake_slack: FakeSlack,
          database: Database, clock: SystemClock) -> None:
    """Q1 Kickoff through its read-out (coaching, an eNPS survey); Q3 Kickoff in July with
    nothing logged; a break-even and decisions on each."""
    clock.move_to(utc(8, 20))
    shell_environment(monkeypatch, tmp_path, fake_slack, database)
    with database.session_factory.begin() as session:
        world = build_world(session)
        q1 = session.get_one(Program, world.program_id)
        materialise_items(session=session, program=q1, now=utc(1, 11))
        for week in (2, 3, 4):
            log_coaching(session, world, week)
        publish_survey(session, world)
        take_readout(session, q1)
        set_break_even(session=session, program=q1, event_cost=500_000, reps=100,
                       quota=1_000_000, period="annual")
        decide(session, q1, "call_reviews", "change", "=HYPERLINK(x) | not held")
        decide(session, q1, "one_on_ones", "keep", "Held at target")
        q3 = make_program(session, session.get_one(Workspace, world.workspace_id),
                          name="Q3 Kickoff", kickoff_date=Q3_KICKOFF, timezone="Europe/Berlin")
        for slack_id in (LEADER, "UMADA"):
            person = session.scalars(select(Person).where(Person.slack_user_id == slack_id)).one()
            add_member(session, q3, person, Role.LEADER if slack_id == LEADER else Role.MANAGER)
        take_readout(session, q3)
        set_break_even(session=session, program=q3, event_cost=200_000, reps=80,
                       quota=250_000, period="quarterly")
        decide(session, q3, "standups", "kill", "Nobody answered")


def read_csv(capsys: pytest.CaptureFixture[str]) -> list[dict[str, str]]:
    """`ledger --csv`, parsed."""
    assert main(["ledger", "--csv"]) == 0
    return list(csv.DictReader(StringIO(capsys.readouterr().out)))


@pytest.mark.usefixtures("shell")
def test_each_row_matches_its_programs_readout(
    capsys: pytest.CaptureFixture[str], database: Database
) -> None:
    rows = read_csv(capsys)
    assert [(row["program"], row["intervention"], row["decision"]) for row in rows] == [
        ("Q1 Kickoff", "Call reviews", "change"), ("Q1 Kickoff", "1:1 cadence", "keep"),
        ("Q3 Kickoff", "Daily standups", "kill")]
    with database.session_factory() as session:
        q1, q3 = (stored_readout(session, session.scalars(select(Program).where(
            Program.name == name)).one()) for name in ("Q1 Kickoff", "Q3 Kickoff"))
    assert q1 is not None
    assert q3 is not None
    assert q1.enps is not None
    completion = sum(q1.totals.values(), Tally()).percent
    assert completion is not None
    for row in rows[:2]:
        assert row["coaching_completion_percent"] == str(completion)
        assert row["enps"] == str(q1.enps.score) == "40"
        assert (row["break_even_needed_percent"], row["quota_period"]) == ("0.5", "annual")
        assert row["confounds"] == "new comp plan, product or pricing launch"
        assert row["owner"] == "Ada Park"
    # Q3 logged no coaching and ran no survey: its read-out said none, so does the ledger.
    assert (q3.totals, q3.enps) == ({}, None)
    assert (rows[2]["coaching_completion_percent"], rows[2]["enps"]) == ("", "")
    assert (rows[2]["break_even_needed_percent"], rows[2]["quota_period"]) == ("1", "quarterly")
    # Typed text a spreadsheet would run is neutralised by the shared writer.
    assert rows[0]["reason"] == "'=HYPERLINK(x) | not held"


@pytest.mark.usefixtures("shell")
def test_markdown_escapes_pipes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ledger", "--md"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("| program | kickoff_date | coaching_completion_percent |")
    assert lines[1].startswith("| --- | --- |")
    assert "| =HYPERLINK(x) \\| not held |" in lines[2]
    assert len(lines) == 5


@pytest.mark.usefixtures("shell")
def test_the_terminal_lists_each_program_then_its_decisions(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["ledger"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Q1 Kickoff (kickoff 2027-01-11): coaching_completion_percent ")
    assert "enps 40; break_even_needed_percent 0.5; quota_period annual" in lines[0]
    assert lines[1] == ("  Call reviews: change (owner Ada Park, v1): =HYPERLINK(x) | not held "
                        "[confounds: new comp plan, product or pricing launch]")
    assert lines[3].startswith("Q3 Kickoff (kickoff 2027-07-05): break_even_needed_percent 1;")
    assert lines[4].startswith("  Daily standups: kill (owner Ada Park, v1): Nobody answered")
