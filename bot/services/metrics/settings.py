"""Enablement's settings of a program's metrics: switch one off or on, change a target, add a
custom metric. The shell and the App Home both call these."""

from __future__ import annotations

import re
from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.metrics.definitions import (
    Direction,
    MetricDefinition,
    Stage,
    Target,
    TargetKind,
    Weekly,
)
from bot.errors import InvalidInput, NotAllowed, NotFound
from bot.services.metrics.catalogue import program_metrics, save_definition
from db.models import Membership, Person, Program, Role

KEY = re.compile(r"^[a-z][a-z0-9_]{1,39}$")
NOT_ENABLEMENT = "Only the program's enablement and admins change its metrics."


def change_metric(
    *, session: Session, program_id: int, key: str, enabled: bool | None = None,
    target: float | None = None,
) -> MetricDefinition:
    """Switch the metric `key` on or off and/or set its target's value; returns it as saved."""
    metric = next((m for m in program_metrics(session=session, program_id=program_id)
                   if m.key == key), None)
    if metric is None:
        raise NotFound(f"no metric {key!r} in this program")
    if target is not None:
        _check_target(metric.target.kind, target)
        metric = replace(metric, target=Target(metric.target.kind, target))
    if enabled is not None:
        metric = replace(metric, enabled=enabled)
    save_definition(session=session, program_id=program_id, metric=metric)
    return metric


def add_custom_metric(
    *, session: Session, program_id: int, key: str, name: str, unit: str,
    direction: Direction, weekly: Weekly, target: Target, self_reported: bool,
) -> MetricDefinition:
    """A metric of the program's own (owned by enablement, a lead indicator)."""
    if not KEY.match(key):
        raise InvalidInput(f"metric key {key!r}: 2-40 lower-case letters, digits or _, "
                           "starting with a letter")
    if any(m.key == key for m in program_metrics(session=session, program_id=program_id)):
        raise InvalidInput(f"this program already has a metric {key!r}")
    if not name.strip() or len(name) > 80 or not unit.strip() or len(unit) > 40:
        raise InvalidInput("a custom metric needs a name (up to 80 characters) and a unit "
                           "(up to 40)")
    _check_target(target.kind, target.value)
    metric = MetricDefinition(key, name.strip(), unit.strip(), direction, weekly, "enablement",
                              Stage.LEAD, target, self_reported=self_reported)
    save_definition(session=session, program_id=program_id, metric=metric)
    return metric


def _check_target(kind: TargetKind, value: float) -> None:
    if kind is TargetKind.RELATIVE and not 0 < value <= 10:
        raise InvalidInput(f"a relative target is a factor on the baseline (1.2 is +20%), "
                           f"above 0 and at most 10, not {value:g}")
    if value < 0 and kind is not TargetKind.POINTS:
        raise InvalidInput(f"target {value:g} is negative")


def settings_form(
    *, session: Session, program_id: int, actor_user_id: str
) -> tuple[Program, tuple[MetricDefinition, ...]]:
    """The program and every metric of it, if the actor is its enablement or an admin in it."""
    program = session.get(Program, program_id)
    member = session.scalars(
        select(Membership).join(Person, Person.id == Membership.person_id)
        .where(Membership.program_id == program_id, Person.slack_user_id == actor_user_id,
               Membership.active.is_(True))).first()
    if program is None or member is None or not member.roles & {Role.ENABLEMENT, Role.ADMIN}:
        raise NotAllowed(NOT_ENABLEMENT)
    return program, program_metrics(session=session, program_id=program_id)


def apply_settings(
    *, session: Session, program_id: int, actor_user_id: str, enabled: set[str],
    targets: dict[str, str | None],
) -> dict[str, str]:
    """Switch metrics on (those in `enabled`) or off and set their targets as typed; an error
    per bad target, and then nothing is changed."""
    _, metrics = settings_form(session=session, program_id=program_id,
                               actor_user_id=actor_user_id)
    errors: dict[str, str] = {}
    values: dict[str, float] = {}
    for metric in metrics:
        typed = (targets.get(metric.key) or "").strip()
        try:
            values[metric.key] = float(typed)
            _check_target(metric.target.kind, values[metric.key])
        except (ValueError, InvalidInput) as exc:
            errors[metric.key] = (str(exc) if isinstance(exc, InvalidInput)
                                  else f"{typed!r} is not a number")
    if errors:
        return errors
    for metric in metrics:
        if ((metric.key in enabled) != metric.enabled
                or values[metric.key] != metric.target.value):
            change_metric(session=session, program_id=program_id, key=metric.key,
                          enabled=metric.key in enabled, target=values[metric.key])
    return {}
