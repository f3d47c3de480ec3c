"""Rows for the operator's exports: a program's roster, its standup answers and its coaching log,
each a list of dicts in column order, for the shared writer (`bot/domain/export.py`).

The coaching log leaves out each 1:1's notes: they belong to the rep and their manager only.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased, joinedload

from db.models import CoachingItem, Membership, Person, Program, StandupAnswer

Row = dict[str, Any]
ROSTER_COLUMNS = ("name", "slack_id", "email", "roles", "manager", "team", "timezone", "active")
STANDUP_COLUMNS = ("day", "date", "rep", "manager", "answered_at", "late", "out_today",
                   "activity", "win", "blocker", "blocker_resolved_at")
SCORES = ("score_discovery", "score_multi_threading", "score_objection_handling",
          "score_next_step", "score_value_articulation")

COACHING_COLUMNS = ("week", "due_date", "cadence", "manager", "rep", "status", "held_on",
                    "duration_minutes", "pipeline_reviewed", "rescheduled_to", "skip_reason",
                    "call_link", "won_call_link", "lost_call_link", *SCORES, "agreed_behaviour",
                    "logged_at", "confirmation")


def roster_rows(*, session: Session, program: Program) -> list[Row]:
    """Every member of the program (the inactive ones too, marked), by name."""
    query = (
        select(Membership).join(Membership.person).where(Membership.program_id == program.id)
        .options(joinedload(Membership.person), joinedload(Membership.manager))
        .order_by(Membership.active.desc(), Person.name, Person.id)
    )
    return [{
        "name": member.person.name, "slack_id": member.person.slack_user_id,
        "email": member.person.email, "roles": "|".join(sorted(member.roles)),
        "manager": member.manager.name if member.manager else None, "team": member.team,
        "timezone": member.person.timezone, "active": member.active,
    } for member in session.scalars(query)]


def standup_answer_rows(*, session: Session, program: Program) -> list[Row]:
    """Every standup answer of the program, by day and rep."""
    manager = aliased(Person)
    query = (
        select(StandupAnswer, Person.name, manager.name)
        .join(Person, Person.id == StandupAnswer.person_id)
        .outerjoin(manager, manager.id == StandupAnswer.manager_id)
        .where(StandupAnswer.program_id == program.id)
        .order_by(StandupAnswer.day_number, Person.name, StandupAnswer.id)
    )
    return [{
        "day": answer.day_number, "date": answer.local_date, "rep": rep, "manager": boss,
        "answered_at": _iso(answer.answered_at), "late": answer.late,
        "out_today": answer.out_today, "activity": answer.activity, "win": answer.win,
        "blocker": answer.blocker, "blocker_resolved_at": _iso(answer.blocker_resolved_at),
    } for answer, rep, boss in session.execute(query)]


def coaching_log_rows(*, session: Session, program: Program) -> list[Row]:
    """Every coaching item of the program, by week, manager and rep (notes left out)."""
    query = (
        select(CoachingItem).where(CoachingItem.program_id == program.id)
        .options(joinedload(CoachingItem.manager), joinedload(CoachingItem.rep))
        .order_by(CoachingItem.week, CoachingItem.due_date, CoachingItem.id)
    )
    return [{
        "week": item.week, "due_date": item.due_date, "cadence": item.cadence.value,
        "manager": item.manager.name, "rep": item.rep.name, "status": item.status.value,
        "held_on": item.held_on, "duration_minutes": item.duration_minutes,
        "pipeline_reviewed": item.pipeline_reviewed, "rescheduled_to": item.rescheduled_to,
        "skip_reason": item.skip_reason, "call_link": item.call_link,
        "won_call_link": item.won_call_link, "lost_call_link": item.lost_call_link,
        **{score: getattr(item, score) for score in SCORES},
        "agreed_behaviour": item.agreed_behaviour, "logged_at": _iso(item.logged_at),
        "confirmation": item.confirmation.value if item.confirmation else None,
    } for item in session.scalars(query).unique()]


def _iso(instant: datetime | date | None) -> str | None:
    return instant.isoformat() if instant else None
