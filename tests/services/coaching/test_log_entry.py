"""Logging through the service: validation per outcome, authorization, edits, the rep's DM."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.coaching.log_form import LogForm
from bot.domain.kinds import DeliveryKind
from bot.errors import InvalidInput, NotAllowed
from bot.ids import CoachingField as F
from bot.services.actor import Actor
from bot.services.coaching.confirmation import answer_log
from bot.services.coaching.log_entry import LogResult, record_log
from db.models import CadenceType, CoachingItem, Confirmation, Delivery, LoggedStatus
from tests.coaching_world import PROGRAM_ADMIN, World, build_world, item_of, materialise
from tests.databases import Database

NOW = datetime(2027, 1, 21, 20, tzinfo=UTC)  # Thursday noon in Los Angeles
MANAGER = Actor("UMLA")
HELD = {F.HELD_ON: "2027-01-21", F.DURATION: "45", F.PIPELINE_REVIEWED: "yes",
        F.CALL_LINK: "https://gong.example.com/call/1", F.NOTES: "Worked on <!here> pricing"}
SCORES = {F.SCORE_DISCOVERY: "2", F.SCORE_MULTI_THREADING: "3", F.SCORE_OBJECTION_HANDLING: "4",
          F.SCORE_NEXT_STEP: "5", F.SCORE_VALUE_ARTICULATION: "1"}
REVIEW = {F.HELD_ON: "2027-01-21", F.WON_CALL_LINK: "https://gong.example.com/won",
          F.LOST_CALL_LINK: "https://gong.example.com/lost", **SCORES,
          F.AGREED_BEHAVIOUR: "Ask for the next step before the call ends"}


@pytest.fixture
def world(database: Database) -> World:
    """The program with its items."""
    with database.session_factory.begin() as session:
        built = build_world(session)
        materialise(session, built, datetime(2027, 1, 12, tzinfo=UTC))
        return built


def log(
    session: Session, world: World, cadence: CadenceType, outcome: LoggedStatus,
    values: dict[F, str], actor: Actor = MANAGER, rep: str = "URANA",
) -> LogResult:
    """Log the week-2 item of `rep` with `cadence`."""
    item = item_of(session, world, rep, cadence, 2)
    return record_log(session=session, item_id=item.id, actor=actor,
                      form=LogForm(outcome, dict(values)), now=NOW)


def receipts(session: Session, kind: str = DeliveryKind.COACHING_RECEIPT) -> list[Delivery]:
    """The queued DMs of one kind."""
    return list(session.scalars(select(Delivery).where(Delivery.kind == kind)))


def test_a_held_one_on_one_is_stored_and_the_rep_is_asked(database: Database, world: World) -> None:
    with database.session_factory.begin() as session:
        result = log(session, world, CadenceType.ONE_ON_ONE, LoggedStatus.DONE, HELD)
        assert result.errors == {}
        assert result.item is not None
        item = result.item
        assert (item.status, item.held_on, item.duration_minutes, item.pipeline_reviewed) == (
            LoggedStatus.DONE, date(2027, 1, 21), 45, True)
        assert (item.revision, item.logged_by, item.logged_at) == (1, "UMLA", NOW)
        [receipt] = receipts(session)
        assert receipt.channel == "URANA"
        assert receipt.person_id == world.people["URANA"]
        assert "&lt;!here&gt;" in str(receipt.blocks)
        assert "<!here>" not in str(receipt.blocks)


def test_a_call_review_needs_all_five_scores_from_1_to_5(database: Database, world: World) -> None:
    with database.session_factory.begin() as session:
        bad = REVIEW | {F.SCORE_DISCOVERY: "7", F.SCORE_NEXT_STEP: ""}
        result = log(session, world, CadenceType.CALL_REVIEW, LoggedStatus.DONE, bad)
        assert result.errors == {"score_discovery": "Choose a score from 1 to 5.",
                                 "score_next_step": "Choose a score from 1 to 5."}
        item = item_of(session, world, "URANA", CadenceType.CALL_REVIEW, 2)
        assert (item.status, item.revision, receipts(session)) == (LoggedStatus.PLANNED, 0, [])
        result = log(session, world, CadenceType.CALL_REVIEW, LoggedStatus.DONE, REVIEW)
        assert result.item is not None
        assert [result.item.score(d) for d in ("discovery", "next_step")] == [2, 5]


@pytest.mark.parametrize(
    ("outcome", "values", "errors"),
    [
        (LoggedStatus.DONE, HELD | {F.HELD_ON: "2027-01-22"}, {"held_on"}),  # tomorrow in LA
        (LoggedStatus.DONE, HELD | {F.HELD_ON: "2027-01-10"}, {"held_on"}),  # before kickoff
        (LoggedStatus.DONE, HELD | {F.DURATION: "0", F.PIPELINE_REVIEWED: None},
         {"duration_minutes", "pipeline_reviewed"}),
        (LoggedStatus.DONE, HELD | {F.CALL_LINK: "my call"}, {"call_link"}),
        (LoggedStatus.RESCHEDULED, {F.RESCHEDULED_TO: "2027-02-11"}, {"rescheduled_to"}),  # day 31
        (LoggedStatus.RESCHEDULED, {F.RESCHEDULED_TO: "2027-01-20"}, {"rescheduled_to"}),  # past
        (LoggedStatus.RESCHEDULED, {}, {"rescheduled_to"}),
        (LoggedStatus.SKIPPED, {F.SKIP_REASON: "   "}, {"skip_reason"}),
    ],
)
def test_invalid_logs_are_answered_at_their_inputs_and_change_nothing(
    database: Database, world: World, outcome: LoggedStatus, values: dict[F, str],
    errors: set[str],
) -> None:
    with database.session_factory.begin() as session:
        result = log(session, world, CadenceType.ONE_ON_ONE, outcome, values)
        assert set(result.errors) == errors
        assert item_of(session, world, "URANA", CadenceType.ONE_ON_ONE, 2).revision == 0


def test_logging_again_edits_the_same_row(database: Database, world: World) -> None:
    with database.session_factory.begin() as session:
        log(session, world, CadenceType.ONE_ON_ONE, LoggedStatus.RESCHEDULED,
            {F.RESCHEDULED_TO: "2027-01-26"})
        result = log(session, world, CadenceType.ONE_ON_ONE, LoggedStatus.DONE, HELD)
        assert result.item is not None
        assert (result.item.revision, result.item.rescheduled_to) == (2, None)
        assert len(list(session.scalars(select(CoachingItem).where(
            CoachingItem.rep_id == world.people["URANA"], CoachingItem.week == 2,
            CoachingItem.cadence == CadenceType.ONE_ON_ONE)))) == 1
        assert len(receipts(session)) == 2  # one DM per revision


@pytest.mark.parametrize("actor", [Actor("UMBER"), Actor("URANA"), Actor("UOUT")])
def test_only_the_reps_manager_or_an_admin_may_log(
    database: Database, world: World, actor: Actor
) -> None:
    with database.session_factory.begin() as session:
        result = log(session, world, CadenceType.ONE_ON_ONE, LoggedStatus.DONE, HELD, actor)
        assert result.refusal is not None
        assert "Only Rep Ana's manager or a program admin" in result.refusal
        assert item_of(session, world, "URANA", CadenceType.ONE_ON_ONE, 2).revision == 0
        for admin in (Actor(PROGRAM_ADMIN), Actor("UANYONE", is_kickoff_admin=True)):
            ok = log(session, world, CadenceType.ONE_ON_ONE, LoggedStatus.DONE, HELD, admin)
            assert ok.item is not None
            assert ok.item.logged_by == admin.slack_user_id


def test_the_rep_confirms_or_disputes_and_the_manager_is_told(
    database: Database, world: World
) -> None:
    with database.session_factory.begin() as session:
        item = log(session, world, CadenceType.ONE_ON_ONE, LoggedStatus.DONE, HELD).item
        assert item is not None
        with pytest.raises(NotAllowed):
            answer_log(session=session, item_id=item.id, revision=1, rep_slack_id="URBEN",
                       answer=Confirmation.CONFIRMED, now=NOW)
        with pytest.raises(InvalidInput):
            answer_log(session=session, item_id=item.id, revision=0, rep_slack_id="URANA",
                       answer=Confirmation.CONFIRMED, now=NOW)
        answer_log(session=session, item_id=item.id, revision=1, rep_slack_id="URANA",
                   answer=Confirmation.DISPUTED, now=NOW)
        answer_log(session=session, item_id=item.id, revision=1, rep_slack_id="URANA",
                   answer=Confirmation.DISPUTED, now=NOW)
        assert (item.confirmation, item.confirmation_at) == (Confirmation.DISPUTED, NOW)
        # Told once, however often she clicks.
        [notice] = receipts(session, DeliveryKind.COACHING_DISPUTE)
        assert notice.channel == "UMLA"
        again = log(session, world, CadenceType.ONE_ON_ONE, LoggedStatus.DONE, HELD).item
        assert again is not None
        assert again.confirmation is None  # a corrected log asks the rep again


def test_a_dispute_in_the_evening_reaches_the_manager_the_next_working_morning(
    database: Database, world: World
) -> None:
    evening = datetime(2027, 1, 22, 3, tzinfo=UTC)  # Thursday 19:00 in Los Angeles
    with database.session_factory.begin() as session:
        item = log(session, world, CadenceType.ONE_ON_ONE, LoggedStatus.DONE, HELD).item
        assert item is not None
        [receipt] = receipts(session)
        assert receipt.due_at == NOW  # logged at noon: the rep is asked at once
        answer_log(session=session, item_id=item.id, revision=1, rep_slack_id="URANA",
                   answer=Confirmation.DISPUTED, now=evening)
        [notice] = receipts(session, DeliveryKind.COACHING_DISPUTE)
        assert notice.due_at == datetime(2027, 1, 22, 16, tzinfo=UTC)  # Friday 08:00 there
