"""The plans in the audit and the read-out: per manager signed by both / by the rep only /
missing, teams below the smallest group folded into "other teams" or not shown apart."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy.orm import Session

from bot.blocks.audit import build_audit_message
from bot.blocks.audit_readout import build_readout_message
from bot.services.actor import Actor
from bot.services.audit.compute import compute_week
from bot.services.audit.readout import compute_readout
from bot.services.plans.signing import cosign_plan, submit_plan
from db.models import Program
from tests.coaching_world import World, build_world
from tests.databases import Database
from tests.plans_support import GOOD

NOW = datetime(2027, 1, 20, 15, 0, tzinfo=UTC)
SIGNED = datetime(2027, 1, 11, 19, 30, tzinfo=UTC)


def signed_world(session: Session, smallest: int) -> Program:
    """Ana's plan signed by both, Ben's and Arjun's by the rep only, the rest missing."""
    world: World = build_world(session, smallest_group=smallest)
    for rep in ("URANA", "URBEN", "URARJ"):
        plan = submit_plan(session=session, program_id=world.program_id, actor=Actor(rep),
                           values=GOOD, now=SIGNED).plan
        assert plan is not None
        if rep == "URANA":
            cosign_plan(session=session, plan_id=plan.id, revision=1, actor=Actor("UMLA"),
                        now=SIGNED)
    return session.get_one(Program, world.program_id)


def audit_text(session: Session, program: Program) -> str:
    """The audit's sections, as posted."""
    numbers = compute_week(session=session, program=program, monday=date(2027, 1, 18), now=NOW)
    return "\n".join(b["text"]["text"] for b in build_audit_message(numbers)
                     if b["type"] == "section")


def test_every_team_named_when_each_is_big_enough(database: Database) -> None:
    with database.session_factory.begin() as session:
        text = audit_text(session, signed_world(session, 3))
    assert ("*Plans signed at the kickoff*\nAll reps: 1 signed by both, 2 by the rep only, "
            "7 missing\n• Hannah Weber: 0 signed by both, 0 by the rep only, 3 missing\n"
            "• Marcus Reed: 1 signed by both, 1 by the rep only, 2 missing\n"
            "• Priya Nair: 0 signed by both, 1 by the rep only, 2 missing") in text


def test_small_teams_fold_into_other_teams(database: Database) -> None:
    with database.session_factory.begin() as session:
        text = audit_text(session, signed_world(session, 4))
    assert "• Marcus Reed: 1 signed by both, 1 by the rep only, 2 missing" in text
    assert "• other teams: 0 signed by both, 1 by the rep only, 5 missing" in text
    assert "Priya Nair:" not in text
    assert "Hannah Weber:" not in text


def test_no_team_is_shown_apart_below_the_smallest_group(database: Database) -> None:
    with database.session_factory.begin() as session:
        text = audit_text(session, signed_world(session, 5))
    assert "All reps: 1 signed by both, 2 by the rep only, 7 missing" in text
    assert "3 team(s) of fewer than 5 reps not shown apart" in text
    assert "Marcus Reed: 1 signed" not in text


def test_the_read_out_names_nobody(database: Database) -> None:
    with database.session_factory.begin() as session:
        program = signed_world(session, 3)
        numbers = compute_readout(session=session, program=program,
                                  now=datetime(2027, 2, 12, 15, 0, tzinfo=UTC))
    text = "\n".join(b["text"]["text"] for b in build_readout_message(numbers)
                     if b["type"] == "section")
    assert "*Plans signed at the kickoff*\nAll reps: 1 signed by both, 2 by the rep only" in text
    assert "Marcus Reed" not in text
    # nor keeps a manager's figure in the numbers it stores
    assert numbers.plans is not None
    assert numbers.plans.groups == []
    assert "Marcus Reed" not in numbers.model_dump_json()


def test_the_read_out_shows_no_plans_below_the_smallest_group(database: Database) -> None:
    with database.session_factory.begin() as session:
        program = signed_world(session, 11)  # ten reps
        numbers = compute_readout(session=session, program=program,
                                  now=datetime(2027, 2, 12, 15, 0, tzinfo=UTC))
    text = "\n".join(b["text"]["text"] for b in build_readout_message(numbers)
                     if b["type"] == "section")
    assert numbers.plans is not None
    assert numbers.plans.overall is None
    assert "Plans signed" not in text
