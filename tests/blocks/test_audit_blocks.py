"""The audit message, the read-out and the chart, built from numbers given by hand."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

from bot.blocks.audit import build_audit_message
from bot.blocks.audit_readout import build_readout_message, verdict
from bot.domain.audit.numbers import ManagerHistory, StandupTally, Tally, WeekNumbers
from bot.domain.audit.readout import ReadoutNumbers
from bot.services.audit.chart import chart_figure, charted, render_chart
from db.models import CadenceType
from tests.blockkit import assert_valid_blocks


def week(managers: dict[str, dict[int, Tally]], **fields: object) -> WeekNumbers:
    """Week 3 of a program whose managers logged `managers` (name -> week -> 1:1s tally)."""
    values: dict[str, object] = {
        "program": "Q1 <Kickoff>", "week": "2027-W04", "monday": date(2027, 1, 25),
        "program_week": 3, "as_of": datetime(2027, 2, 1, 8, tzinfo=UTC),
        "timezone": "Europe/Berlin", "complete": True, "target": 0.95, "baseline": 0.6,
        "cadences": {"one_on_one": Tally(done=1, counted=2)}, "reps": 2, "disputed": 0,
        "standups": StandupTally(), "open_blockers": 0, "enps": None,
        "managers": [
            ManagerHistory(manager_id=n, name=name, weeks=weeks,
                           cadences={w: {"one_on_one": tally} for w, tally in weeks.items()})
            for n, (name, weeks) in enumerate(managers.items())
        ],
        "seen": {}, "changes": [],
    } | fields
    return WeekNumbers.model_validate(values)


def test_names_people_typed_are_escaped_so_the_audit_pings_nobody() -> None:
    numbers = week({"<!channel> Dan & Co": {3: Tally(done=0, counted=2)},
                    "<@U123>": {3: Tally(done=1, counted=2)}})
    blocks = build_audit_message(numbers)
    assert_valid_blocks(blocks)
    text = json.dumps(blocks)
    assert "<!" not in text
    assert "<@" not in text
    assert "1. &lt;!channel&gt; Dan &amp; Co: 1:1s 0% (0 of 2), under the 60% baseline" in text
    assert "Q1 &lt;Kickoff&gt;" in text


def test_the_chart_is_an_image_block_of_the_uploaded_file() -> None:
    numbers = week({"Ada Park": {2: Tally(done=2, counted=2), 3: Tally(done=1, counted=2)}})
    assert not [b for b in build_audit_message(numbers) if b["type"] == "image"]
    blocks = build_audit_message(numbers, chart_file_id="F0CHART01")
    assert_valid_blocks(blocks)
    [image] = [block for block in blocks if block["type"] == "image"]
    assert image["slack_file"] == {"id": "F0CHART01"}
    assert "the numbers are also written in this message" in image["alt_text"]
    assert ("1. Ada Park: 1:1s 50% (1 of 2), under the 60% baseline, down from 100%; call "
            "reviews none due; territory reviews none due") in json.dumps(blocks)


def three_managers() -> WeekNumbers:
    """Week 3 with its 1:1s and territory reviews: Ada at target (3 of 3, territory 3 of 3), Bo
    at target with a territory review not done (2 of 2, 1 of 2), Cy under the 60% baseline (1
    of 3, one rep excused; no territory review due)."""
    def manager(n: int, name: str, cadences: dict[str, Tally]) -> ManagerHistory:
        return ManagerHistory(manager_id=n, name=name,
                              weeks={3: sum(cadences.values(), Tally())}, cadences={3: cadences})
    return week({}).model_copy(update={"managers": [
        manager(1, "Ada Park", {"one_on_one": Tally(done=3, counted=3),
                                "territory_review": Tally(done=3, counted=3)}),
        manager(2, "Bo $Chen$", {"one_on_one": Tally(done=2, counted=2),
                                 "territory_review": Tally(done=1, counted=2)}),
        manager(3, "Cy Diaz", {"one_on_one": Tally(done=1, counted=3, excused=1)}),
    ], "cadences": {"one_on_one": Tally(done=6, counted=8, excused=1),
                    "territory_review": Tally(done=4, counted=5)}})


def test_the_chart_shows_each_cadence_apart_with_its_figures_target_and_baseline() -> None:
    figure = chart_figure(three_managers())
    assert figure is not None
    one_on_ones, calls, territory = figure.axes[:3]
    # Every manager, in the audit's order: Cy below target, Bo behind on territory, then Ada.
    assert [label.get_text() for label in one_on_ones.get_yticklabels()] == [
        "Cy Diaz", r"Bo \$Chen\$", "Ada Park"]
    assert [text.get_text() for text in one_on_ones.texts] == [
        "33% (1 of 3)", "100% (2 of 2)", "100% (3 of 3)"]
    [marks] = one_on_ones.child_axes
    assert [label.get_text() for label in marks.get_xticklabels()] == [
        "baseline 60%", "target 95%"]
    assert one_on_ones.get_xlim() == (0.0, 100.0)
    assert [text.get_text() for text in calls.texts] == ["none due"] * 3
    assert [text.get_text() for text in territory.texts] == ["none due", "1 of 2", "3 of 3"]
    assert figure.get_suptitle() == r"Q1 <Kickoff>: coaching in week 3 (2027-W04), all 3 managers"
    png = render_chart(three_managers())
    assert png is not None
    assert png.startswith(b"\x89PNG\r\n\x1a\n")


def test_no_chart_when_no_coaching_was_due_this_week() -> None:
    assert render_chart(week({}, cadences={})) is None
    assert charted(week({"Ada Park": {2: Tally(done=2, counted=2)}}, cadences={})) == []


def readout(totals: dict[str, Tally]) -> ReadoutNumbers:
    """A read-out with these per-cadence totals (target 95%)."""
    return ReadoutNumbers(
        program="Q1 Kickoff", day=32, on=date(2027, 2, 12), as_of=datetime(2027, 2, 12, tzinfo=UTC),
        target=0.95, baseline=0.6, standups=StandupTally(answered=9, missed=1), weeks=[],
        totals=totals, rubric=[], rubric_reps=0, blockers_raised=0, blockers_resolved=0,
        open_blockers=0, enps=None,
    )


def test_verdicts_measure_1_1s_against_the_target_and_the_others_on_their_cadence() -> None:
    numbers = readout({"one_on_one": Tally(done=24, counted=25),
                       "call_review": Tally(done=7, counted=12)})
    assert verdict(numbers, CadenceType.ONE_ON_ONE) == "held: 96% of 1:1s done (24 of 25)"
    assert verdict(numbers, CadenceType.CALL_REVIEW) == (
        "not held: 58% of call reviews done (7 of 12), against every one due")
    kept = numbers.model_copy(update={"totals": {"call_review": Tally(done=12, counted=12)}})
    assert verdict(kept, CadenceType.CALL_REVIEW) == (
        "held: every call review due was done (12 of 12)")
    assert verdict(numbers, CadenceType.TERRITORY_REVIEW) == "no territory reviews were due"
    blocks = build_readout_message(numbers)
    assert_valid_blocks(blocks)
    assert "no rep has two scored call reviews yet" in json.dumps(blocks)


def test_the_readout_header_says_the_day_it_is_posted_and_the_days_it_covers() -> None:
    numbers = readout({"one_on_one": Tally(done=24, counted=25)})
    assert build_readout_message(numbers)[0]["text"]["text"] == \
        "Read-out of Q1 Kickoff: day 32 (Fri 12 Feb)"  # stored before the period was kept
    covered = numbers.model_copy(update={"first_day": date(2027, 1, 11),
                                         "last_day": date(2027, 2, 10)})
    assert build_readout_message(covered)[0]["text"]["text"] == \
        "Read-out of Q1 Kickoff: day 32 (Fri 12 Feb), covering Mon 11 Jan to Wed 10 Feb"
