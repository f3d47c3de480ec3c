"""Demo scenes: Certify to Fly. Two weeks before the kickoff enablement defines the pre-event
certification from a YAML file: each rep is asked in their own working hours, five take it, the
two who have not get a reminder, and at T-3 enablement and each manager get the list of their
people not pre-certified yet. The day before the kickoff the post-event certification is
defined the same way; in week 2 Ana takes it (two questions drawn in her own order, and her
talk-track's link), sees only her score, and Marcus reviews her talk-track. Around day 100 the
SpotCheck: each rep delivers the pitch again, their manager rates it, and its read-out compares
who still executes with who was certified at day 30."""

from __future__ import annotations

from datetime import date, time, timedelta

from sqlalchemy import select

from bot.blocks.certification.modals import build_attempt_view, build_score_view
from bot.blocks.render.page import modal_shown
from bot.demo.stage import Stage, shell_with_file
from bot.demo.world import HOME_ZONE, KICKOFF, PEOPLE, PROGRAM, person
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
SPOTCHECK = """\
name: Day-100 SpotCheck
stage: spotcheck
talk_track: Deliver the new pricing pitch again and submit the recording's link.
"""
REP, MANAGER = "U0ANA", "U0MAR"
TAKEN_ON = date(2027, 3, 22)  # T+14, its due day: Ana leaves it to the last day
# Who delivers the pitch again at the SpotCheck, and their manager's rating (True: still
# executing); Ben and Lena submit nothing.
RATED = {"U0ANA": True, "U0ARJ": True, "U0OLI": False, "U0ARO": True, "U0JON": True}
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
    certification_id = _certification_id(stage, CertificationStage.PRE_EVENT)
    for slack_id, day in PRE_CERTIFIED.items():
        rep = person(slack_id)
        at = at_local(KICKOFF + timedelta(days=day), time(15), rep.tz)
        stage.timeline.advance_to(max(at, stage.timeline.now))
        with stage.runtime.session_factory.begin() as session:
            take_example(session=session, certification_id=certification_id,
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
    return shell_with_file("cert.yml", text.encode(),
                           ["certification", "create", PROGRAM, "--file", "cert.yml"])


def _certification_id(stage: Stage, of: CertificationStage) -> int:
    """The id of the program's certification of stage `of` (the demo defines one of each)."""
    with stage.runtime.session_factory() as session:
        return session.scalars(select(Certification.id).where(
            Certification.stage == of)).one()


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


def spotcheck(stage: Stage) -> int:
    """Day 99: Elena defines the SpotCheck; on day 100 each rep is asked at the start of their
    working day; five submit a link the next day and their managers rate them."""
    stage.scene("Around day 100: the SpotCheck asks every rep to deliver the pitch again; "
                "their managers rate it", at_local(KICKOFF + timedelta(days=99), time(10),
                                                   HOME_ZONE))
    failures = _create(SPOTCHECK)
    if failures:
        return failures
    managers = {manager.email: manager.slack_id for manager in PEOPLE}
    check_id = _certification_id(stage, CertificationStage.SPOTCHECK)
    for slack_id, executing in RATED.items():
        rep = person(slack_id)
        stage.timeline.advance_to(max(at_local(KICKOFF + timedelta(days=101), time(11), rep.tz),
                                      stage.timeline.now))
        with stage.runtime.session_factory.begin() as session:
            attempt = take_example(session=session, certification_id=check_id,
                                   slack_user_id=slack_id, now=stage.timeline.now,
                                   recording=f"https://example.com/spotcheck/{slack_id}")
            record_review(session=session, attempt_id=attempt.id,
                          slack_user_id=managers[rep.manager], scores={},
                          verdict="pass" if executing else "again", feedback=None,
                          now=stage.timeline.now)
    stage.story.say("Five reps submit a recording; their managers rate four still executing "
                    "and Olivia as needing help, which reopens her post-event certification.")
    stage.timeline.advance_to(at_local(KICKOFF + timedelta(days=102), time(10), HOME_ZONE))
    return failures


def spotcheck_readout(stage: Stage) -> None:
    """The morning after the SpotCheck's due day, its read-out reaches #sales-leadership."""
    at = at_local(KICKOFF + timedelta(days=111), time(9), HOME_ZONE)
    stage.scene("The SpotCheck's read-out: still executing against certified at day 30", at)
    stage.timeline.advance_to(at + timedelta(hours=1))
