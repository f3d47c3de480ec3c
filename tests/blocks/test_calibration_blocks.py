"""Calibration's builders: the request DM, the two modals and the read-out's line are valid
Block Kit, escape what enablement typed, and the read-out names nobody."""

from __future__ import annotations

from datetime import date

from bot.blocks.audit_readout import calibration_line
from bot.blocks.calibration import build_request_message, build_score_modal, build_start_modal
from bot.domain.audit.readout import CalibrationSpread
from tests.blockkit import assert_valid_blocks, assert_valid_view

LINK = "https://calls.example.com/r/1?a=1&b=<2>"


def test_the_request_and_the_modals_are_valid_and_escape_the_link() -> None:
    blocks = build_request_message(7, "Q1 <Kickoff>", LINK, date(2027, 3, 12))
    assert_valid_blocks(blocks)
    assert "Friday 12 March" in blocks[0]["text"]["text"]
    assert "&amp;b=&lt;2&gt;" in blocks[0]["text"]["text"]
    assert "Q1 &lt;Kickoff&gt;" in blocks[0]["text"]["text"]
    assert_valid_view(build_start_modal(3, "Q1", today=date(2027, 3, 3)))
    modal = build_score_modal(7, "Q1", LINK, {"discovery": 4, "multi_threading": 2,
                                              "objection_handling": 3, "next_step": 5,
                                              "value_articulation": 1})
    assert_valid_view(modal)
    chosen = [block["element"]["initial_option"]["value"] for block in modal["blocks"]
              if block["type"] == "input"]
    assert chosen == ["4", "2", "3", "5", "1"]


def test_the_readout_line_gives_each_dimensions_median_and_spread() -> None:
    spread = CalibrationSpread(closed_on=date(2027, 3, 12), scorers=4,
                               medians={"discovery": 3.0, "next_step": 2.5},
                               spreads={"discovery": 3, "next_step": 1})
    assert calibration_line(spread) == (
        "*Rubric calibration* (latest, closed Fri 12 Mar, 4 managers scored one call; median "
        "and spread, highest minus lowest): Discovery 3 (spread 3); Next step 2.5 (spread 1)")
