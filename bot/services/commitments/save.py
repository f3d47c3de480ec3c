"""Saving a manager's commitment: only their own, the program's sessions all kept, one of the
program's metrics; refused with field errors and nothing changed otherwise."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy.orm import Session

from bot.domain.commitments import (
    Added,
    CommitmentForm,
    cadence_field,
    dump_added,
    weeks_text,
)
from bot.ids import CommitmentField
from bot.services.commitments.form import (
    commitment_form,
    commitment_of,
    program_sessions,
)
from bot.services.commitments.sessions import sync_added_items
from db.models import CadenceType, ManagerCommitment

NOT_YOURS = "You can only write or change your own commitment."


@dataclass(frozen=True)
class Saved:
    """The saved commitment; or the errors to show at their inputs; or why it was refused."""

    commitment: ManagerCommitment | None = None
    errors: dict[str, str] = field(default_factory=dict)
    refusal: str | None = None


def save_commitment(
    *, session: Session, program_id: int, manager_slack_id: str, actor_slack_id: str,
    weeks: Mapping[CadenceType, Sequence[str]], metric: str | None, now: datetime,
) -> Saved:
    """Check and store the commitment of `manager_slack_id` (the one the modal was opened for)
    as submitted by `actor_slack_id`; add (or drop, if unlogged) the sessions it adds."""
    if actor_slack_id != manager_slack_id:
        return Saved(refusal=NOT_YOURS)
    form = commitment_form(session=session, program_id=program_id, slack_user_id=actor_slack_id)
    added, errors = _check(form, weeks, metric)
    if errors:
        return Saved(errors=errors)
    commitment = commitment_of(session=session, program_id=program_id, manager_id=form.manager.id)
    if commitment is None:
        commitment = ManagerCommitment(program_id=program_id, manager_id=form.manager.id,
                                       revision=0, committed_at=now)
        session.add(commitment)
    commitment.added_sessions = dump_added(added)
    commitment.metric_key = metric or ""
    commitment.revision += 1
    commitment.updated_at = now
    session.flush()
    sync_added_items(session=session, program=form.program, manager_id=form.manager.id,
                     added=added, now=now)
    return Saved(commitment=commitment)


def _check(
    form: CommitmentForm, weeks: Mapping[CadenceType, Sequence[str]], metric: str | None
) -> tuple[Added, dict[str, str]]:
    """The sessions added to the program's, or the error of each input."""
    errors: dict[str, str] = {}
    chosen: set[tuple[CadenceType, int]] = set()
    for cadence in form.cadences:
        picked = {int(w) for w in weeks.get(cadence.cadence, ()) if w.isdigit()}
        if len(picked) != len(weeks.get(cadence.cadence, ())) or not picked <= set(cadence.offered):
            errors[cadence_field(cadence.cadence)] = "Choose among the weeks shown."
        elif not set(cadence.program) <= picked:
            errors[cadence_field(cadence.cadence)] = (
                f"The program's {weeks_text(cadence.program)} stay: you may add sessions, "
                "never remove the program's."
            )
        chosen |= {(cadence.cadence, week) for week in picked}
    if metric not in {key for key, _name in form.metrics}:
        errors[CommitmentField.METRIC] = "Choose one of the program's metrics."
    return frozenset(chosen - program_sessions(form.program)), errors
