"""The gap survey's two runs: invitations at T-28 (the pre-event phase, which lets them go) and
from day 28, each at the person's own time in the program's working window; someone away on
day 28 is asked on day 30, when back. Both runs close before the read-out."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.domain.kinds import DeliveryKind
from bot.domain.lifecycle import Phase, phase
from bot.features.registry import REGISTRY
from bot.services.audit.weeks import readout_prepared_at
from bot.services.surveys.gap import schedule_gap_surveys
from bot.settings import Settings
from db.models import OutOfOffice, Person, Program, ProgramStatus, Survey
from scheduler.plans.surveys import SurveyPlanner
from tests.databases import Database
from tests.services.surveys.world import RESULTS_CHANNEL, make_world

KICKOFF = date(2027, 3, 1)  # a Monday: T-28 is Monday 1 February, day 28 Monday 29 March
ZONED = (("UBERLIN", "Europe/Berlin"), ("UKOLKATA", "Asia/Kolkata"),
         ("ULA", "America/Los_Angeles"))
CREATED = datetime(2027, 1, 20, 12, 0, tzinfo=UTC)


def invitations(session: Session, survey: Survey) -> dict[str, datetime]:
    """Slack id -> due time of the survey's invitations."""
    people = dict(session.execute(select(Person.id, Person.slack_user_id)).all())
    envelopes = SurveyPlanner(Settings()).plan(
        session=session, start=survey.opens_at - timedelta(days=1),
        end=survey.closes_at + timedelta(days=1))
    return {people[e.person_id]: e.due_at for e in envelopes
            if e.kind == DeliveryKind.SURVEY_INVITE and e.person_id
            and e.key.endswith(f":s{survey.id}")}


def test_gap_runs_reach_everyone_at_t_minus_28_and_day_28_in_their_hours(
    database: Database,
) -> None:
    with database.session_factory.begin() as session:
        world = make_world(session, reps=3, zoned=ZONED)
        program = session.get(Program, world.program_id)
        assert program is not None
        program.kickoff_date, program.status = KICKOFF, ProgramStatus.ACTIVE
        rep = session.scalars(select(Person.id).where(Person.slack_user_id == "UREP01")).one()
        session.add(OutOfOffice(person_id=rep, first_day=date(2027, 3, 29),
                                last_day=date(2027, 3, 30)))
        before, after = schedule_gap_surveys(session=session, program=program,
                                             results_channel=RESULTS_CHANNEL, actor=None,
                                             now=CREATED)
        assert phase(program, before.opens_at) is Phase.PRE_EVENT
        assert DeliveryKind.SURVEY_INVITE in REGISTRY.send_table()[Phase.PRE_EVENT]
        assert after.closes_at < readout_prepared_at(program)
        pre, post = invitations(session, before), invitations(session, after)
    assert pre["UREP02"] == datetime(2027, 2, 1, 8, 0, tzinfo=UTC)  # T-28, 08:00 UTC
    assert pre["UBERLIN"] == datetime(2027, 2, 1, 8, 0, tzinfo=UTC)  # 09:00 in Berlin
    assert pre["UKOLKATA"] == datetime(2027, 2, 1, 8, 0, tzinfo=UTC)  # 13:30 in Kolkata
    assert post["UREP02"] == datetime(2027, 3, 29, 8, 0, tzinfo=UTC)  # day 28
    assert post["UREP01"] == datetime(2027, 3, 31, 8, 0, tzinfo=UTC)  # away: day 30
    assert post["UBERLIN"] == datetime(2027, 3, 29, 8, 0, tzinfo=UTC)
    # Still night in Los Angeles at the opening: the start of their own working hours, 08:00
    # Pacific, in standard time at T-28 and in daylight time (from 14 March) on day 28.
    assert pre["ULA"] == datetime(2027, 2, 1, 16, 0, tzinfo=UTC)
    assert post["ULA"] == datetime(2027, 3, 29, 15, 0, tzinfo=UTC)
