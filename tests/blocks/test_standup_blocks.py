"""Every standup payload validates with slack_sdk's models, at the largest allowed answers."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.blocks.standup import (
    build_standup_answered,
    build_standup_closed,
    build_standup_out_today,
    build_standup_prompt,
    standup_prompt_fallback,
)
from bot.blocks.standup_channel import (
    WITHDRAWN_NOTE,
    build_blocker_dm,
    build_blocker_resolved,
    build_channel_reply,
    build_thread_parent,
    resolved_note,
)
from bot.blocks.standup_modal import build_standup_modal, build_standup_note_view
from bot.blocks.standup_refs import DayRef, ModalRef
from bot.blocks.standup_typing import build_typing_reply
from bot.blocks.text import split_escaped
from bot.domain.kinds import DeliveryKind
from bot.domain.local_time import end_of_local_day
from bot.domain.standups.days import StandupDay
from bot.domain.standups.fields import MAX_CHARS, AnswerText
from bot.domain.standups.participation import Counts
from bot.domain.standups.typed_dm import Situation, TypingReply
from bot.errors import InvalidInput
from tests.blockkit import assert_valid_blocks, assert_valid_view

DAY = StandupDay(2, 5, date(2027, 3, 15))
TOKYO = "Asia/Tokyo"
DAY_CLOSES = end_of_local_day(DAY.date, TOKYO)
REF = DayRef(7, "U0ANA", 2)
# The worst case: every character of every field becomes "&amp;" (five times longer).
LONGEST = AnswerText("&" * MAX_CHARS, "<" * MAX_CHARS, ">" * MAX_CHARS)
PLAIN = AnswerText("Call Acme's CFO", "Demo booked", None)


@pytest.mark.parametrize(
    "blocks",
    [
        build_standup_prompt(
            rep_name="Ana <Ruiz>", day=DAY, ref=REF, channel="C1", reminder_at="11:00",
            closes=DAY_CLOSES, tz=TOKYO,
        ),
        build_standup_prompt(
            rep_name="Ana", day=DAY, ref=REF, channel="C1", reminder_at="11:00",
            closes=DAY_CLOSES, tz=TOKYO, reminder=True,
        ),
        build_standup_answered(day=DAY, text=LONGEST, channel="C1", ref=REF, note="A note"),
        build_standup_answered(day=DAY, text=PLAIN, channel="C1", ref=None),
        build_standup_out_today(day=DAY, ref=REF),
        build_standup_closed(day=DAY, next_day="Day 3 of 5 on Tue 16 Mar", text=LONGEST),
        build_standup_closed(day=DAY, next_day=None, text=None),
        build_thread_parent(day=DAY, counts=Counts(expected=12, answered=3, late=1, excused=2,
                                                    missed=4)),
        build_channel_reply(rep_user_id="U0ANA", day=DAY, text=LONGEST, edited=True),
        build_blocker_dm(
            rep_user_id="U0ANA",
            program_name="FY27 <Kickoff>",
            day=DAY,
            blocker="&" * MAX_CHARS,
            answer_id=3,
        ),
        build_blocker_dm(
            rep_user_id="U0ANA",
            program_name="FY27",
            day=DAY,
            blocker="Legal",
            answer_id=3,
            closed_note=resolved_note("U0MGR"),
        ),
        build_blocker_dm(
            rep_user_id="U0ANA",
            program_name="FY27",
            day=DAY,
            blocker="Legal",
            answer_id=3,
            closed_note=WITHDRAWN_NOTE,
        ),
        build_blocker_resolved(day=DAY, blocker="<" * MAX_CHARS, resolver_name="Priya"),
    ],
)
def test_messages_validate(blocks: list[dict[str, Any]]) -> None:
    assert_valid_blocks(blocks)


def test_the_longest_answer_is_split_into_sections_without_cutting_an_entity() -> None:
    blocks = build_channel_reply(rep_user_id="U0ANA", day=DAY, text=LONGEST, edited=False)
    texts = [b["text"]["text"] for b in blocks if b["type"] == "section"]
    assert all(len(text) <= 3000 for text in texts)
    joined = "".join(texts)
    assert joined.count("&amp;") == MAX_CHARS
    assert joined.count("&lt;") == MAX_CHARS
    assert joined.count("&gt;") == MAX_CHARS


def test_split_escaped_prefers_spaces_and_keeps_entities_whole() -> None:
    assert split_escaped("aaaa bbbb", 6) == ["aaaa ", "bbbb"]
    pieces = split_escaped("xx&amp;yy", 6)
    assert pieces == ["xx", "&amp;y", "y"]
    assert split_escaped("&amp;&amp;", 3) == ["&am", "p;", "&am", "p;"]  # an absurd limit ends


@pytest.mark.parametrize("initial", [None, LONGEST, PLAIN])
def test_the_modal_validates_with_a_limit_on_every_field(initial: AnswerText | None) -> None:
    view = build_standup_modal(
        day=DAY,
        ref=ModalRef(7, "U0ANA", 2, 1 if initial else 0, DeliveryKind.STANDUP_REMINDER),
        channel="C1",
        initial=initial,
    )
    assert_valid_view(view)
    inputs = [b for b in view["blocks"] if b["type"] == "input"]
    assert [b["element"]["max_length"] for b in inputs] == [MAX_CHARS] * 3
    assert [b["optional"] for b in inputs] == [False, False, True]
    assert ModalRef.from_metadata(view["private_metadata"]).source is DeliveryKind.STANDUP_REMINDER


def test_the_note_view_validates() -> None:
    assert_valid_view(build_standup_note_view(day=DAY, text="Posted in <#C1>."))


@pytest.mark.parametrize("situation", list(Situation))
def test_typing_replies_validate(situation: Situation) -> None:
    reply = TypingReply(
        situation=situation,
        program_id=7,
        day=DAY,
        typed_id=2**40,
        cut=True,
        next_day="Day 3 of 5 on Tue 16 Mar at 09:00 your time",
    )
    blocks = build_typing_reply(reply, rep_user_id="U0ANA")
    assert_valid_blocks(blocks)
    values = [e["value"] for b in blocks if b["type"] == "actions" for e in b["elements"]]
    assert all(DayRef.from_value(value).typed_id == 2**40 for value in values)


@pytest.mark.parametrize("raw", [
    None, "", "not json", "[]", '{"p": 1, "r": "U1"}', '{"p": "x", "r": "U1", "d": 2}',
    '{"p": true, "r": "U1", "d": 2}', '{"p": 1, "r": 5, "d": 2}', '{"p": 1, "r": "U1", "d": -2}',
    '{"p": 1, "r": "U1", "d": 2, "t": "x"}',
])
def test_a_forged_button_value_is_refused_clearly(raw: object) -> None:
    with pytest.raises(InvalidInput, match="not one kickoff-bot made"):
        DayRef.from_value(raw)


@pytest.mark.parametrize("raw", [
    '{"p": 1, "r": "U1", "d": 2}', '{"p": 1, "r": "U1", "d": 2, "v": 0, "s": "standup_thread"}',
    '{"p": 1, "r": "U1", "d": 2, "v": 0, "c": "C1", "t": "1.2", "s": 7}',
])
def test_forged_modal_metadata_is_refused_clearly(raw: str) -> None:
    with pytest.raises(InvalidInput, match="not one kickoff-bot made"):
        ModalRef.from_metadata(raw)


def test_the_prompt_and_reminder_say_when_the_day_closes_in_the_reps_time() -> None:
    prompt = build_standup_prompt(rep_name="Ana", day=DAY, ref=REF, channel="C1",
                                  reminder_at="11:00", closes=DAY_CLOSES, tz=TOKYO)
    assert "Answer by Mon 23:59 your time; a reminder comes at 11:00" in str(prompt)
    assert standup_prompt_fallback("Ana", DAY, closes=DAY_CLOSES, tz=TOKYO, reminder=True) == (
        "Reminder: your week-1 standup, Day 2 of 5, is still open: answer by Mon 23:59 your time."
    )


def test_the_thread_count_says_late_out_and_missed() -> None:
    parent = build_thread_parent(
        day=DAY, counts=Counts(expected=12, answered=3, late=1, excused=2, missed=4, pending=3))
    assert parent[-1]["elements"][0]["text"] == "3 / 12 answered (1 late) · 2 out · 4 missed"
