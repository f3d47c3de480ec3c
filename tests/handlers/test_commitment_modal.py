"""The manager's commitment through Slack: the modal opens with the program's cadence ticked; a
session added is saved (and becomes a coaching item of each of their reps); removing a program
session, a metric the program does not track and another manager's commitment are refused with
a clear message, nothing changed."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.domain.coaching.cadence import CADENCE_WEEKS
from bot.fakeslack import FakeSlack, SignedSender
from bot.ids import ActionId, CallbackId, CommitmentField
from db.models import CadenceType, CoachingItem, ManagerCommitment
from tests.blockkit import assert_valid_view
from tests.coaching_world import OUTSIDER, REPS, World
from tests.databases import Database
from tests.handlers.coaching_support import build_live_world, ephemeral_after, opened_view

ONE, CALL, TERRITORY = (CadenceType.ONE_ON_ONE, CadenceType.CALL_REVIEW,
                        CadenceType.TERRITORY_REVIEW)
PROGRAM_WEEKS = {cadence: [str(week) for week in weeks] for cadence, weeks in CADENCE_WEEKS.items()}


@pytest.fixture
def world(database: Database, fake_slack: FakeSlack) -> World:
    """The live program (week 2 is this week), its people known to the fake Slack."""
    return build_live_world(database, fake_slack)


def submit(slack: SignedSender, user: str, world: World, weeks: dict[CadenceType, list[str]],
           metric: str | None, *, manager: str = "UMLA") -> dict[str, Any]:
    """Submit the commitment modal opened for `manager`; returns the ack's body."""
    values: dict[str, dict[str, Any]] = {
        f"commit_{cadence.value}": {f"commit_{cadence.value}": {
            "type": "checkboxes", "selected_options": [{"value": w} for w in ticked]}}
        for cadence, ticked in weeks.items()
    }
    if metric is not None:
        values[CommitmentField.METRIC] = {CommitmentField.METRIC: {
            "type": "static_select", "selected_option": {"value": metric}}}
    response = slack.view_submission(
        user_id=user, callback_id=CallbackId.COMMITMENT.value, values=values,
        private_metadata=json.dumps({"program": world.program_id, "manager": manager}))
    assert response.status == 200
    assert response.json is not None
    return response.json


def with_call_review_week_3() -> dict[CadenceType, list[str]]:
    """The program's cadence plus a call review in week 3."""
    return PROGRAM_WEEKS | {CALL: sorted([*PROGRAM_WEEKS[CALL], "3"])}


def stored(database: Database) -> tuple[int, int]:
    """Commitments saved, and coaching items added by commitments."""
    with database.session_factory() as session:
        commitments = session.scalar(select(func.count()).select_from(ManagerCommitment))
        added = session.scalar(select(func.count()).select_from(CoachingItem)
                               .where(CoachingItem.committed.is_(True)))
        return int(commitments or 0), int(added or 0)


def test_the_modal_keeps_the_programs_cadence_and_saves_an_added_session(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, world: World
) -> None:
    slack.action(user_id="UMLA", action_id=ActionId.COMMITMENT_OPEN.value,
                 value=str(world.program_id), channel_id="DUMLA")
    view = opened_view(fake_slack)
    assert_valid_view(view)
    calls = next(b for b in view["blocks"] if b.get("block_id") == CommitmentField.CALL_REVIEW)
    assert [o["value"] for o in calls["element"]["initial_options"]] == PROGRAM_WEEKS[CALL]
    assert "Bi-weekly call reviews" in calls["label"]["text"]

    answer = submit(slack, "UMLA", world, with_call_review_week_3(), "discovery_calls")
    assert answer["response_action"] == "update"
    saved = str(answer["view"]["blocks"])
    assert "call reviews in weeks 2, 3 and 4 (week 3 added by me)" in saved
    assert "Discovery calls booked" in saved
    assert stored(database) == (1, len(REPS["UMLA"]))  # one added review per rep of Marcus's
    with database.session_factory() as session:
        commitment = session.scalars(select(ManagerCommitment)).one()
        assert (commitment.added_sessions, commitment.metric_key) == (
            "call_review@3", "discovery_calls")


@pytest.mark.parametrize(("weeks", "metric", "field", "says"), [
    (PROGRAM_WEEKS | {ONE: ["2", "4"]}, "dials", CommitmentField.ONE_ON_ONE,
     "The program's weeks 2, 3 and 4 stay"),
    (PROGRAM_WEEKS | {TERRITORY: []}, "dials", CommitmentField.TERRITORY_REVIEW,
     "never remove the program's"),
    (PROGRAM_WEEKS, "golf_rounds", CommitmentField.METRIC, "one of the program's metrics"),
    (PROGRAM_WEEKS, None, CommitmentField.METRIC, "one of the program's metrics"),
    (PROGRAM_WEEKS | {CALL: ["2", "4", "99"]}, "dials", CommitmentField.CALL_REVIEW,
     "Choose among the weeks shown"),
])
def test_removing_a_program_session_or_an_unknown_metric_is_refused_at_its_input(
    slack: SignedSender, database: Database, world: World,
    weeks: dict[CadenceType, list[str]], metric: str | None, field: CommitmentField, says: str,
) -> None:
    answer = submit(slack, "UMLA", world, weeks, metric)
    assert answer["response_action"] == "errors"
    assert says in answer["errors"][field]
    assert stored(database) == (0, 0)


def test_another_managers_commitment_cannot_be_written_or_changed(
    slack: SignedSender, database: Database, world: World
) -> None:
    submit(slack, "UMLA", world, with_call_review_week_3(), "dials")
    before = stored(database)
    # Hannah submits a modal whose metadata names Marcus: refused, Marcus's stays as it was.
    answer = submit(slack, "UMBER", world, PROGRAM_WEEKS, "pipeline_created", manager="UMLA")
    assert answer["response_action"] == "update"
    assert "only write or change your own commitment" in str(answer["view"]["blocks"])
    assert stored(database) == before
    with database.session_factory() as session:
        commitment = session.scalars(select(ManagerCommitment)).one()
        assert (commitment.metric_key, commitment.revision) == ("dials", 1)


def test_someone_coaching_nobody_cannot_open_the_modal(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, world: World
) -> None:
    before = len(fake_slack.responses)
    slack.action(user_id=OUTSIDER, action_id=ActionId.COMMITMENT_OPEN.value,
                 value=str(world.program_id), channel_id=f"D{OUTSIDER}")
    refusal = ephemeral_after(fake_slack, before)
    assert "Only a manager coaching reps in this program" in refusal["text"]
    assert not fake_slack.calls_to("views.open")
    assert stored(database) == (0, 0)
