"""What `program launch` tells the operator: who will be messaged, and when the first message
goes (and the first standup prompt after it)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.cli.times import shown
from bot.domain.kinds import DeliveryKind
from bot.services.standups.schedule import standup_days
from db.models import Delivery, DeliveryStatus, Person, Program

NAMES_SHOWN = 10  # a longer roster is counted, not listed


def launch_lines(session: Session, program: Program) -> list[str]:
    """The welcomes the launch queued, by name, with when the first goes and the first standup."""
    rows = session.execute(
        select(Person.name, Delivery.due_at).join(Person, Person.id == Delivery.person_id)
        .where(Delivery.program_id == program.id, Delivery.kind == DeliveryKind.WELCOME,
               Delivery.status == DeliveryStatus.PLANNED)
        .order_by(Delivery.due_at, Person.name)
    ).all()
    names = sorted(name for name, _ in rows)
    more = f" and {len(names) - NAMES_SHOWN} more" if len(names) > NAMES_SHOWN else ""
    people = "person" if len(names) == 1 else "people"
    lines = [f"a welcome DM is queued for {len(names)} {people}: "
             f"{', '.join(names[:NAMES_SHOWN])}{more}"]
    if rows:
        lines.append(f"the first goes out {shown(rows[0].due_at, program.timezone)}")
    days = standup_days(program)
    if days:
        lines.append(f"the first standup prompt: {days[0].date:%A %Y-%m-%d} at "
                     f"{program.standup_time:%H:%M}, each rep's local time")
    return lines
