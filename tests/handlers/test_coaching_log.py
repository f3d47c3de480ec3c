"""Logging coaching through Slack: the Log button, the modal, its validation, edits, refusals."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from bot.domain.kinds import DeliveryKind
from bot.fakeslack import FakeSlack, SignedSender
from bot.ids import CoachingField as F
from db.models import CadenceType, CoachingItem, Delivery, LoggedStatus
from tests.blockkit import assert_valid_blocks, assert_valid_view
from tests.coaching_world import World
from tests.databases import Database
from tests.handlers.coaching_support import (
    build_live_world,
    click_log,
    ephemeral_after,
    item,
    opened_view,
    stored_view,
    submit,
    switch_outcome,
)
from tests.live import LIVE_DAY

ONE, CALL = CadenceType.ONE_ON_ONE, CadenceType.CALL_REVIEW
DONE, MOVED, SKIPPED = LoggedStatus.DONE, LoggedStatus.RESCHEDULED, LoggedStatus.SKIPPED
SCORES = {F.SCORE_DISCOVERY: "2", F.SCORE_MULTI_THREADING: "3", F.SCORE_OBJECTION_HANDLING: "4",
          F.SCORE_NEXT_STEP: "5", F.SCORE_VALUE_ARTICULATION: "1"}


@pytest.fixture
def world(database: Database, fake_slack: FakeSlack) -> World:
    """The program with week 2 this week, its people known to the fake Slack."""
    return build_live_world(database, fake_slack)


def past(days: int) -> str:
    """A date `days` ago: in the past in every manager's time zone."""
    return (LIVE_DAY - timedelta(days=days)).isoformat()


def held(held_on: str | None = None) -> dict[F, str]:
    """A valid held 1:1 (by default on a date safely past in every time zone)."""
    return {F.HELD_ON: held_on or past(2), F.DURATION: "45", F.PIPELINE_REVIEWED: "yes",
            F.NOTES: "Pricing talk <@URBEN>"}


def receipts(database: Database) -> list[Delivery]:
    """The rep DMs queued so far."""
    with database.session_factory() as session:
        receipts = select(Delivery).where(Delivery.kind == DeliveryKind.COACHING_RECEIPT)
        return list(session.scalars(receipts))


def test_log_opens_the_modal_and_the_outcome_switch_updates_it(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, world: World
) -> None:
    one_on_one = item(database, world, "URANA", ONE)
    assert click_log(slack, "UMLA", one_on_one.id).status == 200
    view = opened_view(fake_slack)
    assert_valid_view(view)
    assert view["private_metadata"] == f'{{"item": {one_on_one.id}, "outcome": "done"}}'
    assert [b.get("block_id") for b in view["blocks"] if b["type"] == "input"] == [
        F.HELD_ON, F.DURATION, F.PIPELINE_REVIEWED, F.CALL_LINK, F.NOTES]
    switch_outcome(slack, "UMLA", stored_view(fake_slack), MOVED)
    fake_slack.wait_for(lambda: len(fake_slack.calls_to("views.update")) == 1)
    updated = fake_slack.calls_to("views.update")[0].params["view"]
    assert_valid_view(updated)
    assert [b.get("block_id") for b in updated["blocks"] if b["type"] == "input"] == [
        F.RESCHEDULED_TO]


def test_a_held_one_on_one_is_saved_and_the_rep_asked_to_confirm(
    slack: SignedSender, database: Database, world: World
) -> None:
    one_on_one = item(database, world, "URANA", ONE)
    answer = submit(slack, "UMLA", one_on_one.id, DONE, held())
    assert answer["response_action"] == "update"
    assert "Saved: the 1:1 with *Rep Ana* of week 2, held on" in str(answer["view"])
    assert_valid_view(answer["view"])
    saved = item(database, world, "URANA", ONE)
    assert (saved.status, saved.duration_minutes, saved.revision) == (DONE, 45, 1)
    [receipt] = receipts(database)
    assert receipt.channel == "URANA"
    assert receipt.blocks is not None
    assert_valid_blocks(receipt.blocks)
    assert "Pricing talk &lt;@URBEN&gt;" in str(receipt.blocks)  # escaped: nobody is pinged
    buttons = [e["text"]["text"] for b in receipt.blocks if b["type"] == "actions"
               for e in b["elements"]]
    assert buttons == ["Confirm", "That didn't happen"]


def test_a_call_review_with_all_five_scores(
    slack: SignedSender, database: Database, world: World
) -> None:
    review = item(database, world, "URANA", CALL)
    values = {F.HELD_ON: past(1), **SCORES,
              F.AGREED_BEHAVIOUR: "<!channel> ask for the next step", F.WON_CALL_LINK:
              "https://gong.example.com/won"}
    assert submit(slack, "UMLA", review.id, DONE, values)["response_action"] == "update"
    saved = item(database, world, "URANA", CALL)
    assert [saved.score(d) for d in ("discovery", "multi_threading", "objection_handling",
                                     "next_step", "value_articulation")] == [2, 3, 4, 5, 1]
    [receipt] = receipts(database)
    text = str(receipt.blocks)
    assert "*Discovery:* 2/5" in text
    assert "&lt;!channel&gt; ask for the next step" in text
    assert "<!channel>" not in text


@pytest.mark.parametrize(
    ("values", "errors"),
    [
        ({**SCORES, F.SCORE_DISCOVERY: "6", F.AGREED_BEHAVIOUR: "x"}, {F.SCORE_DISCOVERY}),
        ({**SCORES, F.SCORE_NEXT_STEP: "", F.AGREED_BEHAVIOUR: "x"}, {F.SCORE_NEXT_STEP}),
        ({**SCORES}, {F.AGREED_BEHAVIOUR}),
    ],
)
def test_a_score_outside_1_to_5_or_missing_is_a_modal_error(
    slack: SignedSender, database: Database, world: World, values: dict[F, str],
    errors: set[str],
) -> None:
    review = item(database, world, "URANA", CALL)
    answer = submit(slack, "UMLA", review.id, DONE, {F.HELD_ON: past(1), **values})
    assert answer["response_action"] == "errors"
    assert set(answer["errors"]) == errors
    assert item(database, world, "URANA", CALL).revision == 0
    assert receipts(database) == []


def test_reschedule_skip_and_relog_edit_the_same_session(
    slack: SignedSender, database: Database, world: World
) -> None:
    one_on_one = item(database, world, "URANA", ONE)
    too_late = {F.RESCHEDULED_TO: (LIVE_DAY + timedelta(days=40)).isoformat()}
    assert set(submit(slack, "UMLA", one_on_one.id, MOVED, too_late)["errors"]) == {
        F.RESCHEDULED_TO}
    future = held((LIVE_DAY + timedelta(days=3)).isoformat())
    assert set(submit(slack, "UMLA", one_on_one.id, DONE, future)["errors"]) == {F.HELD_ON}
    new_date = LIVE_DAY + timedelta(days=2)
    submit(slack, "UMLA", one_on_one.id, MOVED, {F.RESCHEDULED_TO: new_date.isoformat()})
    moved = item(database, world, "URANA", ONE)
    assert (moved.status, moved.rescheduled_to, moved.revision) == (MOVED, new_date, 1)
    assert set(submit(slack, "UMLA", one_on_one.id, SKIPPED, {})["errors"]) == {F.SKIP_REASON}
    submit(slack, "UMLA", one_on_one.id, SKIPPED, {F.SKIP_REASON: "QBR week"})
    submit(slack, "UMLA", one_on_one.id, DONE, held())
    final = item(database, world, "URANA", ONE)
    assert (final.status, final.revision, final.skip_reason, final.rescheduled_to) == (
        DONE, 3, None, None)
    with database.session_factory() as session:
        assert session.scalar(select(func.count()).select_from(CoachingItem)) == 60
    assert len(receipts(database)) == 3


@pytest.mark.parametrize("intruder", ["UMBER", "URANA"])  # another manager; the rep herself
def test_someone_elses_rep_is_refused_and_nothing_changes(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, world: World, intruder: str
) -> None:
    one_on_one = item(database, world, "URANA", ONE)
    before = len(fake_slack.responses)
    click_log(slack, intruder, one_on_one.id)
    refusal = ephemeral_after(fake_slack, before)
    assert refusal["response_type"] == "ephemeral"
    assert refusal["text"] == (
        "Only Rep Ana's manager or a program admin can log coaching for them, "
        "so nothing was changed."
    )
    forged = submit(slack, intruder, one_on_one.id, DONE, held())
    assert forged["response_action"] == "update"
    assert_valid_view(forged["view"])
    assert "Only Rep Ana's manager" in str(forged["view"])
    assert fake_slack.calls_to("views.open") == []
    assert item(database, world, "URANA", ONE).revision == 0
    assert receipts(database) == []


def test_a_program_admin_may_log_but_never_sees_or_changes_the_notes(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, world: World
) -> None:
    one_on_one = item(database, world, "URANA", ONE)
    submit(slack, "UMLA", one_on_one.id, DONE, held())
    assert click_log(slack, "UPADMIN", one_on_one.id).status == 200
    view = opened_view(fake_slack)
    assert F.NOTES not in [b.get("block_id") for b in view["blocks"]]
    assert "Pricing talk" not in str(view)
    edited = held() | {F.DURATION: "50", F.NOTES: "admin overwrite"}
    assert submit(slack, "UPADMIN", one_on_one.id, DONE, edited)["response_action"] == "update"
    saved = item(database, world, "URANA", ONE)
    assert (saved.logged_by, saved.duration_minutes, saved.notes) == (
        "UPADMIN", 50, "Pricing talk <@URBEN>")
    latest = max(receipts(database), key=lambda row: row.id)
    assert "<@UPADMIN> (a program admin, for *Marcus Reed*) logged your 1:1" in str(latest.blocks)
