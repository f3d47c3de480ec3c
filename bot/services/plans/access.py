"""Who may see or act on a plan: the rep writes and signs their own, their manager co-signs or
asks to revise it, and admins of the program may read it; nobody else sees it at all."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from bot.blocks.text import escape
from bot.errors import NotAllowed, NotFound
from bot.services.actor import Actor, is_program_admin
from db.models import Membership, Person, Program, RepPlan, Role


def rep_membership(*, session: Session, program_id: int, actor: Actor) -> Membership:
    """The actor's membership as a rep with a manager in the program (else NotAllowed)."""
    query = (
        select(Membership).join(Membership.person)
        .where(Membership.program_id == program_id, Membership.active.is_(True),
               Person.slack_user_id == actor.slack_user_id)
        .options(joinedload(Membership.program), joinedload(Membership.person),
                 joinedload(Membership.manager))
    )
    member = session.scalars(query).first()
    if member is None or Role.REP not in member.roles:
        raise NotAllowed("Only the program's reps write a plan, so nothing was changed.")
    if member.manager is None:
        raise NotAllowed("You have no manager in this program to co-sign a plan yet; "
                         "ask your program admin to add one.")
    return member


def load_plan(*, session: Session, plan_id: int) -> RepPlan:
    """A plan with its program, rep and manager."""
    query = select(RepPlan).where(RepPlan.id == plan_id).options(
        joinedload(RepPlan.program), joinedload(RepPlan.rep), joinedload(RepPlan.manager))
    plan = session.scalars(query).first()
    if plan is None:
        raise NotFound("That plan no longer exists.")
    return plan


def plan_to_read(*, session: Session, plan_id: int, actor: Actor) -> RepPlan:
    """The plan, if the actor is its rep, its manager or an admin of its program."""
    plan = load_plan(session=session, plan_id=plan_id)
    if actor.slack_user_id in {plan.rep.slack_user_id, plan.manager.slack_user_id}:
        return plan
    if is_program_admin(session=session, program_id=plan.program_id, actor=actor):
        return plan
    raise NotAllowed(f"A plan is seen only by its rep, their manager and program admins; "
                     f"you cannot open {escape(plan.rep.name)}'s.")


def plan_to_sign(*, session: Session, plan_id: int, revision: int, actor: Actor) -> RepPlan:
    """Revision `revision` of the plan, if the actor is the manager who must co-sign it and it
    awaits them."""
    plan = load_plan(session=session, plan_id=plan_id)
    if actor.slack_user_id != plan.manager.slack_user_id:
        raise NotAllowed(f"Only {escape(plan.rep.name)}'s manager, "
                         f"{escape(plan.manager.name)}, can co-sign or return their plan, "
                         "so nothing was changed.")
    if plan.replaced_at is not None or plan.revision != revision:
        raise NotAllowed("The rep has changed this plan since; the latest version was sent to "
                         "you, so nothing was changed.")
    if plan.locked:
        raise NotAllowed("You already co-signed this plan.")
    if plan.revise_asked_at is not None:
        raise NotAllowed("You asked the rep to revise this plan; their new version will come "
                         "to you.")
    return plan


def current_plan(*, session: Session, program: Program, rep_id: int) -> RepPlan | None:
    """The rep's latest version in the program."""
    query = (
        select(RepPlan).where(RepPlan.program_id == program.id, RepPlan.rep_id == rep_id,
                              RepPlan.replaced_at.is_(None))
        .options(joinedload(RepPlan.manager), joinedload(RepPlan.rep))
    )
    return session.scalars(query).first()
