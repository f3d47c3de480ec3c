"""A certification read from YAML: each problem named with its line, Slack's limits checked,
a good file read whole."""

from __future__ import annotations

import pytest

from bot.domain.certification.cert_file import read_certification
from bot.domain.certification.definition import DEFAULT_DAYS
from bot.errors import InvalidInput
from db.models import CertificationStage

GOOD = """\
name: Pricing pre-cert
stage: pre-event
questions:
  - question: Which tier includes SSO?
    options: [Starter, Team, Enterprise]
    answer: Enterprise
talk_track: Pitch the new pricing in three minutes.
dimensions: [value_articulation]
"""


def refusal(text: str) -> str:
    with pytest.raises(InvalidInput) as refused:
        read_certification(text)
    return str(refused.value)


def test_a_good_file_gets_the_stages_default_days_and_its_right_answer() -> None:
    spec = read_certification(GOOD)
    assert spec.stage is CertificationStage.PRE_EVENT
    assert spec.days() == DEFAULT_DAYS[CertificationStage.PRE_EVENT] == (-14, -2)
    assert spec.questions[0].answer == 2
    assert (spec.attempts, spec.pass_percent, spec.dimensions) == (3, 80, ("value_articulation",))


def test_a_spotcheck_is_one_prompt_rated_once_unless_the_file_says_otherwise() -> None:
    spotcheck = "name: Day-100 SpotCheck\nstage: spotcheck\ntalk_track: Pitch it again.\n"
    assert read_certification(spotcheck).attempts == 1
    assert read_certification(spotcheck + "attempts: 2\n").attempts == 2
    assert read_certification(spotcheck.replace("spotcheck\n", "post-event\n")).attempts == 3


def test_bad_yaml_is_named_with_its_line() -> None:
    assert refusal("name: x\nstage: pre-event\nquestions: [\n  - a: b\n") == (
        "line 4: this is not valid YAML.")


def test_no_right_answer_and_a_long_option_are_each_named_with_their_line() -> None:
    text = f"""\
name: Pricing pre-cert
stage: post-event
questions:
  - question: Which tier includes SSO?
    options: [Starter, Team, Enterprise]
    answer: Platinum
  - question: How long is the trial?
    options: [7 days, "{'x' * 76}"]
    answer: 7 days
colour: red
"""
    assert refusal(text) == (
        "line 4: no right answer: `answer` must repeat one option exactly; "
        "line 7: option 2 is over 75 characters (Slack's limit); line 10: unknown key 'colour'.")


def test_slacks_other_limits_and_the_window_are_checked() -> None:
    options = ", ".join(f"o{n}" for n in range(11))
    text = f"""\
name: A name far too long for a modal title
stage: pre-event
due: 2
questions:
  - question: Eleven options?
    options: [{options}]
    answer: o1
"""
    assert refusal(text) == (
        "line 1: keep the name within 24 characters (it is the modal's title, Slack's limit); "
        "line 3: a pre-event certification is due before the kickoff (T-1 at the latest); "
        "line 5: give between 2 and 10 options (Slack's limit).")


def test_an_unknown_stage_and_no_items_are_named() -> None:
    assert refusal("name: X\nstage: someday\n") == (
        "line 1: give knowledge questions, a talk-track, or both; "
        "line 2: the stage is one of pre-event, post-event, spotcheck.")
