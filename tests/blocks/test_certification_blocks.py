"""The certification builders pass Block Kit validation and say what a person needs: the review
modal (a talk-track's rubric, a SpotCheck's rating), the messages, and the home section."""

from __future__ import annotations

from datetime import date

from bot.blocks.certification.audit import build_spotcheck_readout
from bot.blocks.certification.home import build_certification_section
from bot.blocks.certification.messages import (
    build_missed_items,
    build_not_certified_list,
    build_open_message,
    build_reminder_message,
    build_retake_notice,
    build_review_request,
    build_reviewed_message,
)
from bot.blocks.certification.modals import build_review_modal, build_score_view
from bot.domain.certification.figures import SpotCheckFigures
from bot.domain.certification.home import (
    CertificationHome,
    CertificationProgress,
    OwnCertification,
    PendingReview,
)
from db.models import AttemptStatus
from tests.blockkit import assert_valid_blocks, assert_valid_view

DUE = date(2027, 3, 22)


def test_the_review_modal_scores_a_talk_track_and_rates_a_spotcheck() -> None:
    talk = build_review_modal(attempt_id=4, rep_name="Ana <!here>", prompt="Pitch it",
                              link="https://example.com/a", dimensions=("discovery", "next_step"),
                              spotcheck=False)
    assert_valid_view(talk)
    ids = [block.get("block_id") for block in talk["blocks"]]
    assert ids[1:] == ["score_discovery", "score_next_step", "verdict", "feedback"]
    assert "&lt;!here&gt;" in str(talk["blocks"][0])
    rating = build_review_modal(attempt_id=4, rep_name="Ana", prompt="Pitch it",
                                link="https://example.com/a", dimensions=("discovery",),
                                spotcheck=True)
    assert_valid_view(rating)
    assert "Still executing" in str(rating)
    assert "Needs help" in str(rating)
    assert "score_discovery" not in str(rating)


def test_the_score_view_and_every_message_validate() -> None:
    assert_valid_view(build_score_view(name="Pricing", correct=1, asked=2,
                                       status=AttemptStatus.FAILED, attempts_left=0))
    messages = [
        build_open_message(name="Pricing", certification_id=1, due_on=DUE, attempts=3,
                           why="spotcheck"),
        build_reminder_message(name="Pricing", certification_id=1, due_on=DUE),
        build_review_request(rep_name="Ana", name="Pricing", attempt_id=3),
        build_reviewed_message(name="Pricing", passed=False, feedback="Slow *down*",
                               attempts_left=1),
        build_retake_notice(rep_name="Ana", name="Pricing", opens_on=DUE, due_on=DUE),
        build_missed_items(rep_name="Ana", name="Pricing", items=[("Q?", "A")]),
        build_not_certified_list(name="Pricing", people=["Ana", "Ben"]),
    ]
    for text, blocks in messages:
        assert text
        assert_valid_blocks(blocks)
    assert messages[0][0].startswith("SpotCheck")


def test_a_spotcheck_says_it_is_rated_not_scored_and_a_certification_how_its_answers_show() -> None:
    _, spotcheck = build_open_message(name="Day-100", certification_id=1, due_on=DUE,
                                      attempts=1, why="spotcheck")
    _, certify = build_open_message(name="Pricing", certification_id=1, due_on=DUE,
                                    attempts=3, why="certify")
    assert "(1 attempt). Submit your recording's link: your manager rates it" in str(spotcheck)
    assert "which answers were right" not in str(spotcheck)
    assert "(3 attempts). After each attempt you see your score" in str(certify)


def test_the_home_section_and_the_spotcheck_read_out_validate() -> None:
    part = CertificationHome(
        program="FY27", own=(OwnCertification(1, "Pricing", "failed", 1, DUE, True, "Again"),),
        reviews=(PendingReview(5, "Ben", "Pricing", DUE, overdue=True),),
        progress=(CertificationProgress(1, "Pricing", "post-event", None, 3, 1),), creates=True)
    blocks = build_certification_section([part], room=30)
    assert_valid_blocks(blocks)
    text = str(blocks)
    assert "over 3 working days" in text
    assert "3 reps (too few to show how many passed)" in text
    readout = build_spotcheck_readout("Day 100", SpotCheckFigures(4, 1, 1, 2, shown=False))
    assert "no figures are shown" in str(readout)
