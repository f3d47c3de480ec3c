"""Demo scenes: Certify to Fly. Two weeks before the kickoff enablement defines the pre-event
certification from a YAML file: each rep is asked in their own working hours, five take it, the
two who have not get a reminder, and at T-3 enablement and each manager get the list of their
people not pre-certified yet. The day before the kickoff the post-event certification is
defined the same way; in week 2 Ana takes it (two questions drawn in her own order, and her
talk-track's link), sees only her score, and Marcus reviews her talk-track."""

from __future__ import annotations

import contextlib
import tempfile
from datetime import date, time, timedelta
from pathlib import Path

from sqlalchemy import select

from bot.blocks.certification.modals import build_attempt_view, build_score_view
from bot.blocks.render.page import modal_shown
from bot.demo.stage import Stage, shell
from bot.demo.world import HOME_ZONE, KICKOFF, PROGRAM, person
from bot.domain.local_time import at_local
from bot.services.certification.attempts import start_attempt
from bot.services.certification.example import take_example
from bot.services.certification.review import record_review
from db.models import Certification, CertificationStage

CERTIFICATION = """\
name: Pricing certification
stage: post-event
attempts: 2
questions:
  - question: Which tier includes SSO?
    options: [Starter, Team, Enterprise]
    answer: Enterprise
  - question: How long is the free trial?
    options: [7 days, 14 days, 30 days]
    answer: 14 days
talk_track: Pitch the new pricing in three minutes; submit the recording's link.
dimensions: [value_articulation, objection_handling]
"""
PRE_EVENT = """\
name: Pre-event pricing check
stage: pre-event
opens: -12
questions:
  - question: Which tier includes SSO?
    options: [Starter, Team, Enterprise]
    answer: Enterprise
  - question: Who signs the order form?
    options: [The champion, The economic buyer, Legal]
    answer: The economic buyer
"""
REP, MANAGER = "U0ANA", "U0MAR"
TAKEN_ON = date(2027, 3, 22)  # T+14, its due day: Ana leaves it to the last day
# Who takes the pre-event certification, and when: Ben and Lena leave it.
PRE_CERTIFIED = {"U0ANA": -11, "U0ARJ": -11, "U0OLI": -10, "U0ARO": -9, "U0JON": -8}


def pre_event(stage: Stage) -> int:
    """T-13: Elena defines the pre-event certification from the shell; it opens at T-12 in
    each rep's working hours; five reps take it; at T-3 the lists of who has not."""
    stage.scene("T-13: enablement defines the pre-event certification; it opens at T-12 in "
                "each rep's working hours; at T-3 enablement and each manager get the list of "
                "their people not pre-certified yet",
                at_local(KICKOFF - timedelta(days=13), time(10), HOME_ZONE))
    failures = _create(PRE_EVENT)
    if failures:
        return failures
    for slack_id, day in PRE_CERTIFIED.items():
        rep = person(slack_id)
        at = at_local(KICKOFF + timedelta(days=day), time(15), rep.tz)
        stage.timeline.advance_to(max(at, stage.timeline.now))
        with stage.runtime.session_factory.begin() as session:
            certification = session.scalars(select(Certification).where(
                Certification.stage == CertificationStage.PRE_EVENT)).one()
            take_example(session=session, certification_id=certification.id,
                         slack_user_id=slack_id, now=stage.timeline.now)
    stage.story.say("Five of the seven reps pass it in the days after it opens; Ben and Lena "
                    "leave it.")
    # the lists go out at T-3 in each reader's working hours, Los Angeles last
    stage.timeline.advance_to(at_local(KICKOFF - timedelta(days=3), time(18),
                                       "America/Los_Angeles"))
    return failures


def define(stage: Stage) -> int:
    """Elena defines the post-event certification from the shell, the day before the
    kickoff."""
    stage.scene("Enablement defines the post-event certification (two questions and a "
                "talk-track) from a YAML file",
                at_local(KICKOFF - timedelta(days=1), time(11, 30), HOME_ZONE))
    return _create(CERTIFICATION)


def _create(text: str) -> int:
    """`kickoff-bot certification create` with `text` as its file."""
    with tempfile.TemporaryDirectory() as folder, contextlib.chdir(folder):
        Path("cert.yml").write_text(text, encoding="utf-8")
        return shell(["certification", "create", PROGRAM, "--file", "cert.yml"])


def take(stage: Stage) -> None:
    """Ana takes it at 11:00 her time; Marcus reviews her talk-track at 14:00 his."""
    rep, manager = person(REP), person(MANAGER)
    at = at_local(TAKEN_ON, time(11), rep.tz)
    stage.scene("Ana takes the certification: her score only; Marcus reviews her talk-track",
                at, rep.tz)
    with stage.runtime.session_factory.begin() as session:
        certification = session.scalars(select(Certification).where(
            Certification.stage == CertificationStage.POST_EVENT)).one()
        found = start_attempt(session=session, certification_id=certification.id,
                              slack_user_id=REP, now=at)
        stage.show(REP, modal_shown(build_attempt_view(found.attempt, certification,
                                                       found.questions),
                                    at=at, what="certification attempt"))
        attempt = take_example(session=session, certification_id=certification.id,
                               slack_user_id=REP, now=at, recording="https://example.com/ana")
        stage.show(REP, modal_shown(build_score_view(
            name=certification.name, correct=attempt.correct or 0, asked=len(attempt.drawn),
            status=attempt.status, attempts_left=certification.attempts - attempt.number),
            at=at, what="her score"))
    reviewed = at_local(TAKEN_ON, time(14), manager.tz)
    stage.timeline.advance_to(reviewed)
    with stage.runtime.session_factory.begin() as session:
        record_review(session=session, attempt_id=attempt.id, slack_user_id=MANAGER,
                      scores={"value_articulation": "5", "objection_handling": "4"},
                      verdict="pass", feedback="Clear value story; ask for the next step.",
                      now=reviewed)
    stage.story.say("Marcus scores her talk-track 5 and 4 and passes it, with one line of "
                    "feedback she will read.")
