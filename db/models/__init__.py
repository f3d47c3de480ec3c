"""Every model, importable from one place (Alembic's env.py relies on this)."""

from db.models.people import Person, Workspace
from db.models.program import Membership, MembershipRole, Program, ProgramStatus, Role

__all__ = [
    "Membership",
    "MembershipRole",
    "Person",
    "Program",
    "ProgramStatus",
    "Role",
    "Workspace",
]
