"""Standup participation totals counted in the database: one query groups a program's rep-days
by what decides their status (time zone, day, answer and its follow-through, prompt, away,
active), so a program of
10,000 reps comes back as a few dozen groups rather than 50,000 rows; each group is then counted
by the same rule as a single rep-day (`participation.day_outcome`).
"""

from __future__ import annotations

from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import (
    Date,
    Integer,
    Select,
    String,
    case,
    cast,
    exists,
    false,
    func,
    literal,
    select,
    true,
    union_all,
)
from sqlalchemy.orm import Session

from bot.domain.standups.days import StandupDay
from bot.domain.standups.participation import Counts
from bot.services.standups.keys import prompt_key
from bot.services.standups.participation import day_outcome
from bot.services.standups.reps import AnswerFacts
from bot.services.standups.schedule import closes_at, opens_at, standup_days
from db.models import (
    Change,
    Delivery,
    DeliveryStatus,
    Membership,
    MembershipRole,
    OutOfOffice,
    Person,
    Program,
    Role,
    StandupAnswer,
)


def participation_totals(
    *,
    session: Session,
    program: Program,
    now: datetime,
    number: int | None = None,
    started_only: bool = False,
) -> Counts:
    """The totals `participation(...)` would count over every rep-day of `program` (or of Day
    `number` only) at `now`, without reading a row per rep-day."""
    days = {d.number: d for d in standup_days(program) if number is None or d.number == number}
    counts = Counts()
    if not days:
        return counts
    # A day's bounds depend only on the time zone: worked out once per zone and day.
    bounds = cache(lambda day, tz: (opens_at(day, tz), closes_at(day, tz)))
    for (
        tz,
        day_number,
        answered,
        out_today,
        late,
        follow,
        prompt,
        away,
        active,
        times,
    ) in session.connection().execute(_grouped(program, list(days.values()), now)):
        opens, closes = bounds(days[day_number], tz)
        if started_only and now <= opens:
            continue
        # Only presence, lateness, "out today" and follow-through of an answer decide how it
        # counts.
        answer = AnswerFacts(now, bool(late), bool(out_today),
                             Change(follow) if follow else None) if answered else None
        outcome = day_outcome(
            answer=answer,
            prompt=None if prompt is None else DeliveryStatus(prompt),
            away=bool(away),
            active=bool(active),
            open_day=now < closes,
        )
        if outcome is not None:
            counts.add_alike(outcome.status, late=outcome.late, follow=outcome.follow,
                             times=times)
    return counts


def _grouped(program: Program, days: list[StandupDay], now: datetime) -> Select[Any]:
    """Rep-days grouped by their facts, with how many share them."""
    day = union_all(
        *(select(literal(d.number, Integer).label("number"),
                 literal(d.date, Date).label("local_date"))
          for d in days)
    ).subquery("day")
    # The prompt's delivery key, built as prompt_key builds it (with a placeholder to split on).
    head, tail = prompt_key(program.id, "\0", 0).split("\0")
    key = (
        literal(head)
        + Person.slack_user_id
        + literal(tail.removesuffix("0"))
        + cast(day.c.number, String)
    )
    is_rep = exists().where(
        MembershipRole.membership_id == Membership.id, MembershipRole.role == Role.REP
    )
    away = exists().where(
        OutOfOffice.person_id == Person.id,
        OutOfOffice.first_day <= day.c.local_date,
        OutOfOffice.last_day >= day.c.local_date,
    )
    facts = (
        select(
            Person.timezone.label("tz"),
            day.c.number.label("number"),
            StandupAnswer.id.is_not(None).label("answered"),
            StandupAnswer.out_today.label("out_today"),
            StandupAnswer.late.label("late"),
            StandupAnswer.follow_through.label("follow"),
            Delivery.status.label("prompt"),
            # Once answered, neither absence nor prompt decides how the day counts.
            case((StandupAnswer.id.is_not(None), false()), else_=away).label("away"),
            (Membership.active & Person.active).label("active"),
        )
        .select_from(Membership)
        .join(Person, Person.id == Membership.person_id)
        # Every rep on every day (`days` is never empty). An outer join keeps the reps the outer
        # loop, so each rep's rows are looked up once rather than once per day.
        .outerjoin(day, true())
        .outerjoin(
            StandupAnswer,
            (StandupAnswer.program_id == program.id)
            & (StandupAnswer.person_id == Person.id)
            & (StandupAnswer.day_number == day.c.number)
            & (StandupAnswer.answered_at <= now),  # as things stood at `now`
        )
        .outerjoin(Delivery, (Delivery.key == key) & StandupAnswer.id.is_(None))
        .where(Membership.program_id == program.id, is_rep)
        .subquery("facts")
    )
    columns = [
        facts.c[name]
        for name in ("tz", "number", "answered", "out_today", "late", "follow", "prompt", "away",
                     "active")
    ]
    return select(*columns, func.count()).group_by(*columns)
