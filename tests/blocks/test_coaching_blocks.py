"""Every coaching payload passes slack_sdk's validation, for every cadence type and outcome."""

from __future__ import annotations

from datetime import date
from itertools import product
from typing import Any

import pytest

from bot.blocks.coaching.digest import MAX_ITEMS, build_digest_message, digest_fallback
from bot.blocks.coaching.log_modal import LogModalState, build_log_modal, read_log_form
from bot.blocks.coaching.receipts import build_dispute_notice, build_log_receipt
from bot.blocks.coaching.sessions import build_notice_view, build_saved_view
from bot.domain.coaching.views import Digest
from bot.ids import CoachingField
from db.models import CadenceType, CoachingItem, Confirmation, LoggedStatus, Person
from tests.blockkit import assert_valid_blocks, assert_valid_view

TODAY = date(2027, 1, 21)
LOGGED: dict[LoggedStatus, dict[str, Any]] = {
    LoggedStatus.DONE: {
        "held_on": TODAY, "duration_minutes": 40, "pipeline_reviewed": False,
        "call_link": "https://gong.example.com/1", "notes": "<!channel> & co" * 130,
        "won_call_link": "https://gong.example.com/won",
        "lost_call_link": "https://gong.example.com/lost", "agreed_behaviour": "Ask <@U1>",
        **{f"score_{n}": 3 for n in ("discovery", "multi_threading", "objection_handling",
                                     "next_step", "value_articulation")},
    },
    LoggedStatus.RESCHEDULED: {"rescheduled_to": date(2027, 1, 26)},
    LoggedStatus.SKIPPED: {"skip_reason": "QBR <week>"},
    LoggedStatus.PLANNED: {},
}


def coaching_item(cadence: CadenceType, status: LoggedStatus, item_id: int = 7) -> CoachingItem:
    """An unsaved item of Marcus and Ana <the rep>, logged with `status`."""
    return CoachingItem(
        id=item_id, program_id=1, cadence=cadence, week=2, due_date=TODAY, status=status,
        revision=1, manager=Person(name="Marcus Reed", slack_user_id="UMLA", timezone="UTC"),
        rep=Person(name="Ana <Ruiz>", slack_user_id="URANA", timezone="UTC"), **LOGGED[status],
    )


CASES = list(product(CadenceType, [s for s in LoggedStatus if s is not LoggedStatus.PLANNED]))


@pytest.mark.parametrize(("cadence", "outcome"), CASES)
def test_every_log_modal_is_valid_and_prefilled_from_the_log(
    cadence: CadenceType, outcome: LoggedStatus
) -> None:
    fresh = build_log_modal(coaching_item(cadence, LoggedStatus.PLANNED), outcome, today=TODAY)
    edit = build_log_modal(coaching_item(cadence, outcome), today=TODAY)
    for view in (fresh, edit):
        assert_valid_view(view)
        assert "Ana &lt;Ruiz&gt;" in view["blocks"][0]["text"]["text"]
    assert LogModalState.load(edit["private_metadata"]) == LogModalState(7, outcome)
    inputs = [b["element"] for b in edit["blocks"] if b["type"] == "input"]
    initial = [e.get("initial_value") or e.get("initial_date") or e.get("initial_option")
               for e in inputs]
    assert all(value is not None for value in initial)


def test_submitted_values_are_read_back_by_block_id() -> None:
    view = build_log_modal(coaching_item(CadenceType.CALL_REVIEW, LoggedStatus.PLANNED),
                           today=TODAY)
    state: dict[str, Any] = {
        "held_on": {"held_on": {"type": "datepicker", "selected_date": "2027-01-20"}},
        "score_discovery": {"score_discovery": {"type": "static_select",
                                                "selected_option": {"value": "4"}}},
        "agreed_behaviour": {"agreed_behaviour": {"type": "plain_text_input", "value": "x"}},
        "won_call_link": {"won_call_link": {"type": "url_text_input", "value": None}},
        "not_ours": {"a": {"type": "plain_text_input", "value": "ignored"}},
    }
    meta, form = read_log_form(view | {"state": {"values": state}})
    assert meta == LogModalState(7, LoggedStatus.DONE)
    assert form.values == {
        CoachingField.HELD_ON: "2027-01-20", CoachingField.SCORE_DISCOVERY: "4",
        CoachingField.AGREED_BEHAVIOUR: "x", CoachingField.WON_CALL_LINK: None,
    }


@pytest.mark.parametrize(("cadence", "status"), CASES)
def test_receipts_and_answers_are_valid_and_escape_what_people_typed(
    cadence: CadenceType, status: LoggedStatus
) -> None:
    item = coaching_item(cadence, status)
    for answered in (None, Confirmation.CONFIRMED, Confirmation.DISPUTED):
        blocks = build_log_receipt(item, answered=answered)
        assert_valid_blocks(blocks)
        text = str(blocks)
        assert "<!channel>" not in text
        assert "<@U1>" not in text
        assert "<week>" not in text
        has_buttons = any(b["type"] == "actions" for b in blocks)
        assert has_buttons == (status is LoggedStatus.DONE and answered is None)
    assert_valid_blocks(build_dispute_notice(item))
    assert_valid_view(build_saved_view(item))


def test_a_long_digest_is_cut_to_fit_a_message() -> None:
    items = [coaching_item(CadenceType.ONE_ON_ONE, LoggedStatus.PLANNED, n) for n in range(60)]
    digest = Digest(day=TODAY, this_week=items[:30], due_next=items[30:45], overdue=items[45:])
    blocks = build_digest_message("FY27 <Kickoff>", digest, "UTC")
    assert_valid_blocks(blocks)
    assert sum("accessory" in b for b in blocks) == MAX_ITEMS
    assert "…and 20 more" in str(blocks)
    assert "FY27 &lt;Kickoff&gt;" in str(blocks)
    assert digest_fallback(digest) == (
        "Coaching for Thu 21 Jan: 30 due this week, 15 due next, 15 overdue"
    )


def test_a_notice_view_is_valid() -> None:
    assert_valid_view(build_notice_view("Not logged", "Only Ana's manager can log this."))
