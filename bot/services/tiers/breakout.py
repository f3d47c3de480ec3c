"""The breakout lists: each rep's tier, for the program's enablement and admins in the shell
(`kickoff-bot tiers PROGRAM [--csv]`); nothing in Slack reads them."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from bot.services.actor import Actor
from bot.services.tiers.access import ensure_enablement
from db.models import Membership, Person, Program, RepTier, Tier

BREAKOUT_COLUMNS = ("tier", "name", "email", "slack_id", "team", "manager", "attainment")
TIER_ORDER = {tier: place for place, tier in enumerate(Tier)}
READING = "read its tiers"


def breakout_rows(*, session: Session, program: Program, actor: Actor) -> list[list[object]]:
    """Each tiered rep of the program, top tier first, then by name (BREAKOUT_COLUMNS)."""
    ensure_enablement(session=session, program=program, actor=actor, what=READING)
    manager = aliased(Person)
    found = session.execute(
        select(RepTier.tier, Person.name, Person.email, Person.slack_user_id, Membership.team,
               manager.name, RepTier.attainment)
        .join(Person, Person.id == RepTier.person_id)
        .outerjoin(Membership, (Membership.person_id == RepTier.person_id)
                   & (Membership.program_id == RepTier.program_id))
        .outerjoin(manager, manager.id == Membership.manager_id)
        .where(RepTier.program_id == program.id))
    ordered = sorted(found, key=lambda row: (TIER_ORDER[row[0]], row[1].lower()))
    return [list(row) for row in ordered]


def tier_of_reps(*, session: Session, program_id: int) -> dict[int, Tier]:
    """Each tiered rep's person id -> their tier."""
    rows = session.execute(
        select(RepTier.person_id, RepTier.tier).where(RepTier.program_id == program_id))
    return {row.person_id: row.tier for row in rows}
