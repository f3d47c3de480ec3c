"""The set-up modals and the welcome DM: valid Block Kit, read back as Slack sends them,
everything typed escaped."""

from __future__ import annotations

import json
from datetime import date, time

from bot.blocks.home.common import within
from bot.blocks.ooo import build_ooo_modal, read_ooo_form
from bot.blocks.program_modal import build_program_modal, read_program_form
from bot.blocks.roster_modals import build_roster_sync_modal, build_roster_upload_modal
from bot.blocks.send_test import build_send_test_modal, build_test_message
from bot.blocks.text import context, section
from bot.blocks.welcome import WelcomeFacts, build_welcome_message, welcome_fallback
from bot.domain.program_spec import ProgramSpec
from bot.ids import ProgramField as F
from db.models import Program, Role
from tests.blockkit import assert_valid_blocks, assert_valid_view

FACTS = WelcomeFacts(
    program_name="FY27 <!channel> Kickoff", first_standup=date(2027, 3, 10), standup_days=5,
    standup_time=time(9, 0), standup_channel="CSTANDUP", audit_channel="CAUDIT",
    coaching_due_weekday=4, manager_name="Marcus <@U0BOSS>",
)
SPEC = ProgramSpec(name="FY27", kickoff_date=date(2027, 3, 8), standup_channel="CSTANDUP",
                   audit_channel="CAUDIT", holidays=(date(2027, 3, 15),), one_on_one_target=0.93)


def test_the_welcome_says_what_each_role_holds_and_escapes_names() -> None:
    rep = build_welcome_message(FACTS, frozenset({Role.REP}))
    everything = build_welcome_message(FACTS, frozenset(Role))
    assert_valid_blocks(everything)
    assert "from Wed 10 Mar, 5 working days at 09:00 your time" in str(rep)
    assert "with Marcus &lt;@U0BOSS&gt;" in str(rep)
    assert "call reviews in weeks 2 and 4" in str(rep)
    assert "territory review in week 3" in str(rep)
    assert "Manager" not in str(rep)
    assert "Leadership" not in str(rep)
    assert [b["text"]["text"].split("*")[1] for b in everything[2:7]] == [
        "Week 1: a daily standup", "Weeks 2-4: you own the coaching.", "Enablement:",
        "Leadership:", "Admin:"]
    assert welcome_fallback(FACTS).startswith("FY27 &lt;!channel&gt; Kickoff is live")


def test_the_program_modal_is_valid_empty_or_filled_and_reads_back() -> None:
    empty = build_program_modal(None, program_id=None, default_timezone="Europe/Berlin")
    filled = build_program_modal(SPEC, program_id=7, default_timezone="UTC")
    assert_valid_view(empty)
    assert_valid_view(filled)
    zone = next(b for b in empty["blocks"] if b["block_id"] == F.TIMEZONE)
    assert zone["element"]["initial_value"] == "Europe/Berlin"
    target = next(b for b in filled["blocks"] if b["block_id"] == F.ONE_ON_ONE_TARGET)
    assert target["element"]["initial_option"]["text"]["text"] == "93%"  # set from the shell
    filled["state"] = {"values": {
        F.HOLIDAYS: {F.HOLIDAYS: {"type": "plain_text_input", "value": "2027-03-15"}},
        F.WORKING_DAYS: {F.WORKING_DAYS: {"type": "checkboxes", "selected_options": []}},
        F.EVENT_DAYS: {F.EVENT_DAYS: {"type": "static_select", "selected_option": None}},
    }}
    assert read_program_form(filled) == (7, {"holidays": "2027-03-15", "working_days": []})


def test_the_roster_out_of_office_and_test_modals_are_valid() -> None:
    program = Program(id=3, name="FY27 <b>")
    for view in (build_roster_upload_modal(program), build_roster_sync_modal(program),
                 build_ooo_modal(person="UANA", today=date(2027, 3, 8)),
                 build_send_test_modal(program, ["coaching_digest", "standup_prompt"])):
        assert_valid_view(view)
        assert "FY27 <b>" not in json.dumps(view)
    ooo = build_ooo_modal(person=None, today=date(2027, 3, 8))
    ooo["state"] = {"values": {"ooo_person": {"ooo_person": {"selected_user": "UBEN"}},
                               "ooo_first_day": {"ooo_first_day": {"selected_date": "2027-03-09"}},
                               "ooo_last_day": {"ooo_last_day": {"selected_date": None}}}}
    assert read_ooo_form(ooo) == ("UBEN", date(2027, 3, 9), None)


def test_a_test_message_says_it_is_one_and_keeps_within_50_blocks() -> None:
    blocks = build_test_message("standup_prompt", [section(f"line {n}") for n in range(60)], "x")
    assert len(blocks) == 50
    assert blocks[0] == context(":test_tube: Test of *standup prompt*, sent only to you.")
    assert build_test_message("coaching_digest", None, "Coaching for Mon")[1] == section(
        "Coaching for Mon")


def test_within_keeps_whole_rows_and_says_what_was_left_out() -> None:
    rows = [[section(f"{n}"), context("·")] for n in range(5)]
    kept = within(rows, 7, "…and {} more")
    assert len(kept) == 7
    assert kept[-1] == context("…and 2 more")
    assert within(rows, 10, "…and {} more") == [block for row in rows for block in row]
