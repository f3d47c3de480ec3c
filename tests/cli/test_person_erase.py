"""`kickoff-bot person erase`: the person's rows and texts are gone from every table, while the
program's published audit figures are unchanged."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update

from bot.cli import main
from bot.clock import SystemClock
from bot.fakeslack import FakeSlack
from bot.services.audit.record import record_weekly_audit
from bot.services.coaching.occurrences import materialise_items
from db.base import Base
from db.models import (
    CoachingItem,
    Delivery,
    Person,
    Program,
    StandupAnswer,
    StandupTypedText,
    Survey,
    SurveyItemAnswer,
)
from tests.audit_world import (
    STANDUP_DAYS,
    World,
    answer_standups,
    build_world,
    log_coaching,
    publish_survey,
    utc,
)
from tests.cli.shell import open_shell
from tests.databases import Database

WEEK_2 = "2027-W03"
# What Rep 1 is known by and what they wrote (only they wrote these words).
REP_1 = ("Rep 1", "rep1@example.com", "UR1", "DUR1", "Closed Zephyr Corp", "call Zephyr back",
         "Zephyr pricing worry", "CRM access")


def delivery(world: World, key: str, rep: str | None, channel: str, text: str) -> Delivery:
    """A sent message of the program."""
    return Delivery(workspace_id=world.workspace_id, program_id=world.program_id, key=key,
                    kind="standup_reply", person_id=world.people[rep] if rep else None,
                    channel=channel, text=text, blocks=[{"type": "section", "text": {
                        "type": "mrkdwn", "text": text}}],
                    due_at=utc(1, 12, 9), window_end=utc(1, 12, 10))


@pytest.fixture
def world(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, fake_slack: FakeSlack, database: Database,
    clock: SystemClock,
) -> World:
    """The audit's program in its week 3, week 2 audited; Rep 1 answered, typed, was coached,
    was messaged, and is named in their manager's blocker DM."""
    open_shell(monkeypatch, tmp_path, fake_slack, database, clock)
    clock.move_to(utc(1, 26))
    with database.session_factory.begin() as session:
        made = build_world(session)
        program = session.get_one(Program, made.program_id)
        materialise_items(session=session, program=program, now=utc(1, 11))
        for day in range(1, len(STANDUP_DAYS) + 1):
            answer_standups(session, made, day)
        log_coaching(session, made, 2)
        publish_survey(session, made)
        rep = made.people["UR1"]
        session.execute(update(Person).where(Person.id == rep)
                        .values(email=REP_1[1], dm_channel_id=REP_1[3]))
        session.execute(update(StandupAnswer).where(StandupAnswer.person_id == rep,
                                                    StandupAnswer.day_number == 1)
                        .values(win=REP_1[4]))
        session.add(StandupTypedText(person_id=rep, text=REP_1[5], typed_at=utc(1, 12, 9)))
        session.execute(update(CoachingItem).where(CoachingItem.rep_id == rep)
                        .values(notes=REP_1[6], logged_by="UMADA"))
        session.add_all([
            delivery(made, "standup_dm:1:UR1:1", "UR1", "UR1", "Morning Rep 1"),
            delivery(made, "standup_reply:1:UR1:1", "UR1", "CSTANDUP",
                     f"*Rep 1* Day 1: {REP_1[4]}"),
            delivery(made, "blocker:1:UR1:1", "UMADA", "UMADA", "Rep 1 is blocked: CRM access"),
            delivery(made, "standup_reply:1:UR2:1", "UR2", "CSTANDUP", "*Rep 2* Day 1: demo"),
        ])
        session.execute(update(Survey).values(reminder_audience=[rep, made.people["UR2"]]))
        record_weekly_audit(session=session, program=program, monday=date(2027, 1, 18),
                            now=utc(1, 25))
        return made


def audit_figures(capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    """Week 2's audit as posted, its people's names left out."""
    assert main(["audit", "Q1 Kickoff", "--week", WEEK_2, "--json"]) == 0
    numbers = json.loads(capsys.readouterr().out)
    for manager in numbers["managers"]:
        manager.pop("name")
    for blocker in numbers["blockers"]:
        blocker.pop("manager", None)
    return {key: numbers[key] for key in ("cadences", "reps", "standups", "open_blockers",
                                          "enps", "managers", "seen", "blockers")}


def everything(database: Database) -> list[tuple[str, str, Any]]:
    """Every value of every row of every table, with its table and column."""
    with database.session_factory() as session:
        return [(table.name, column, value)
                for table in Base.metadata.sorted_tables
                for row in session.execute(select(table)).mappings()
                for column, value in row.items()]


def test_erasing_a_rep_leaves_nothing_of_them_and_the_published_figures(
    world: World, database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    published = audit_figures(capsys)
    with database.session_factory() as session:
        survey_answers = len(session.scalars(select(SurveyItemAnswer)).all())
    rep = world.people["UR1"]

    assert main(["person", "erase", "UR1"]) == 1
    assert "cannot be undone" in capsys.readouterr().err
    assert main(["person", "erase", "rep1@example.com", "--yes"]) == 0

    out = capsys.readouterr().out
    assert out.startswith("erased Rep 1 (UR1): ")
    assert "Anonymous survey answers were never linked to anyone and stay as they are" in out
    references = {(table.name, column.name) for table in Base.metadata.tables.values()
                  for column in table.columns
                  if any(key.column.table.name == "person" for key in column.foreign_keys)}
    for table, column, value in everything(database):
        if (table, column) in references or (table, column) == ("person", "id"):
            assert value != rep, (table, column)
        text = json.dumps(value, default=str, ensure_ascii=False).lower()
        assert not [secret for secret in REP_1 if secret.lower() in text], (table, column, value)
    assert audit_figures(capsys) == published
    with database.session_factory() as session:
        assert len(session.scalars(select(SurveyItemAnswer)).all()) == survey_answers
        assert session.scalars(select(Survey.reminder_audience)).one() == [world.people["UR2"]]
        kept = session.scalars(select(Delivery).order_by(Delivery.key)).all()
        assert [(row.key, row.text) for row in kept] == [
            ("blocker:1:(erased):1", "(erased) is blocked: (erased)"),
            ("standup_reply:1:(erased):1", "*(erased)* Day 1: (erased)"),
            ("standup_reply:1:UR2:1", "*Rep 2* Day 1: demo"),  # nothing of Rep 1's
        ]


def test_erasing_a_manager_keeps_the_published_figures(
    world: World, database: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    published = audit_figures(capsys)

    assert main(["person", "erase", "UMADA", "--yes"]) == 0

    capsys.readouterr()
    assert audit_figures(capsys) == published
    with database.session_factory() as session:
        assert session.scalars(select(CoachingItem).where(
            CoachingItem.manager_id == world.people["UMADA"])).all() == []
        reps = session.scalars(select(Person.name).where(Person.id.in_(
            [world.people[r] for r in ("UR1", "UR2", "UR3")]))).all()
        assert sorted(reps) == ["Rep 1", "Rep 2", "Rep 3"]  # their reps stay, unmanaged
    assert not any("Ada Park" in json.dumps(value, default=str)
                   for _table, _column, value in everything(database))
