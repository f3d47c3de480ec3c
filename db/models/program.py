"""A kickoff program and who takes part in it, in which roles."""

from __future__ import annotations

from datetime import date, datetime, time
from enum import StrEnum

from sqlalchemy import JSON, Enum, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, UtcDateTime, utcnow
from db.models.people import Person


class ProgramStatus(StrEnum):
    """What was last done to a program; its phase (bot/domain/lifecycle.py) adds the dates."""

    DRAFT = "draft"
    ACTIVE = "active"
    PAUSED = "paused"
    ENDED = "ended"
    ARCHIVED = "archived"  # a draft or test put away: never sends, hidden from lists


class Role(StrEnum):
    """What a member does in a program; one member may hold several."""

    REP = "rep"
    MANAGER = "manager"
    ENABLEMENT = "enablement"
    LEADER = "leader"
    ADMIN = "admin"


def _enum_column(enum: type[StrEnum]) -> Enum:
    # Plain VARCHAR rather than a PostgreSQL enum type, so adding a value needs no type migration.
    return Enum(enum, native_enum=False, length=16, values_callable=lambda e: [m.value for m in e])


class Program(Base):
    """One kickoff and the 30 days of execution after it."""

    __tablename__ = "program"
    __table_args__ = (UniqueConstraint("workspace_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[int] = mapped_column(ForeignKey("workspace.id"))
    name: Mapped[str] = mapped_column(String(80))
    kickoff_date: Mapped[date]
    event_days: Mapped[int] = mapped_column(default=1)
    timezone: Mapped[str] = mapped_column(String(64))
    standup_channel: Mapped[str] = mapped_column(String(32))
    audit_channel: Mapped[str] = mapped_column(String(32))
    # ISO weekdays (1 = Monday) and ISO dates, kept as JSON lists: small, read whole, never queried.
    working_days: Mapped[list[int]] = mapped_column(JSON, default=lambda: [1, 2, 3, 4, 5])
    holidays: Mapped[list[str]] = mapped_column(JSON, default=list)
    # The working window: the hours (in each person's own zone) the bot's DMs reach people in.
    work_start: Mapped[time] = mapped_column(default=time(8, 0), server_default="08:00:00")
    work_end: Mapped[time] = mapped_column(default=time(18, 0), server_default="18:00:00")
    standup_time: Mapped[time] = mapped_column(default=time(9, 0))
    reminder_time: Mapped[time] = mapped_column(default=time(11, 0))
    # ISO weekday on which each coaching occurrence of a program week is due (4 = Thursday).
    coaching_due_weekday: Mapped[int] = mapped_column(default=4, server_default="4")
    # How many working days after the event have a daily standup (week 1).
    standup_days: Mapped[int] = mapped_column(default=5, server_default="5")
    # The audit's yardsticks: the manager 1:1 completion target and the typical pre-kickoff
    # baseline (fractions), and the day after the kickoff the governance read-out is posted.
    one_on_one_target: Mapped[float] = mapped_column(default=0.95, server_default="0.95")
    baseline_completion: Mapped[float] = mapped_column(default=0.60, server_default="0.6")
    readout_day: Mapped[int] = mapped_column(default=32, server_default="32")
    # The smallest group of reps or respondents whose figures may be shown to others than
    # themselves and their manager (bot/domain/group_size.py; never below 3).
    smallest_group: Mapped[int] = mapped_column(default=5, server_default="5")
    status: Mapped[ProgramStatus] = mapped_column(
        _enum_column(ProgramStatus), default=ProgramStatus.DRAFT
    )
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    # Retention (off unless set): the members' personal data is purged this many days after
    # the program ended (`ended_at`); `purged_at` says it was done.
    retention_days: Mapped[int | None]
    ended_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    purged_at: Mapped[datetime | None] = mapped_column(UtcDateTime)

    memberships: Mapped[list[Membership]] = relationship(
        back_populates="program", cascade="all, delete-orphan"
    )


class Membership(Base):
    """A person's part in a program: roles, manager, team; inactive members keep their history."""

    __tablename__ = "membership"
    __table_args__ = (UniqueConstraint("program_id", "person_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    program_id: Mapped[int] = mapped_column(ForeignKey("program.id"))
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    manager_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    team: Mapped[str | None] = mapped_column(String(80))
    active: Mapped[bool] = mapped_column(default=True)

    program: Mapped[Program] = relationship(back_populates="memberships")
    person: Mapped[Person] = relationship(foreign_keys=[person_id])
    manager: Mapped[Person | None] = relationship(foreign_keys=[manager_id])
    role_grants: Mapped[list[MembershipRole]] = relationship(
        cascade="all, delete-orphan", lazy="selectin"
    )

    @property
    def roles(self) -> frozenset[Role]:
        """The roles this member holds."""
        return frozenset(grant.role for grant in self.role_grants)


class MembershipRole(Base):
    """One role held by one member."""

    __tablename__ = "membership_role"

    membership_id: Mapped[int] = mapped_column(ForeignKey("membership.id"), primary_key=True)
    role: Mapped[Role] = mapped_column(_enum_column(Role), primary_key=True)
