"""The posted weekly audit of a program whose smallest group is 3, run by the real dispatcher to
the fake Slack server: every manager listed (one below the 1:1 target, the others at it), each
cadence type apart, the team rubric only for the team with 3 reviewed reps, the open blocker with
its manager's name and age, and the chart of the week uploaded unshared; then the read-out, its
header saying the day it is posted and the period it covers. Figures by hand from
tests/audit_world.py."""

from __future__ import annotations

from bot.fakeslack import FakeSlack
from scheduler.dispatcher import Dispatcher
from tests.audit_world import build_world
from tests.databases import Database
from tests.scheduler.audit_run import all_text, audit_posts, images, run

# Week 4 (2027-W05), target 90%: Cy's 1:1s 2 of 3 (Rep 8's not logged) and call reviews 1 of 3
# (Rep 7's skipped, Rep 8's not logged); Ada 3 of 3 and 3 of 3, her three reps' first reviews
# scored 2, 2 and 3 (average 2.3), their latest 4; Bo 2 of 2 and 2 of 2 with two reviewed reps
# and Cy with one: fewer than 3, no rubric. Rep 4's blocker (to Bo, Wed 13 Jan) is open at the
# audit's end of week, Monday 8 February: 26 days.
WEEK_4_MANAGERS = (
    "1. Cy Diaz: 1:1s 67% (2 of 3), below target, down from 100%; call reviews 1 of 3 done; "
    "territory reviews none due\n"
    "2. Ada Park: 1:1s 100% (3 of 3), same as the week before (100%); call reviews 3 of 3 done; "
    "territory reviews none due; team rubric 2.3 → 4.0 (3 reps, first → latest review)\n"
    "3. Bo Chen: 1:1s 100% (2 of 2), same as the week before (100%); call reviews 2 of 2 done; "
    "territory reviews none due"
)


def test_the_posted_audit_shows_the_rubric_only_for_a_team_of_the_smallest_group(
    database: Database, fake_slack: FakeSlack, dispatcher: Dispatcher
) -> None:
    with database.session_factory.begin() as session:
        world = build_world(session, fake_slack, smallest_group=3)
    run(database, dispatcher, world, until="read-out")
    *_, week_4, readout = audit_posts(fake_slack)
    text = all_text(week_4)
    assert text.startswith("Coaching audit 2027-W05 (Q1 Kickoff)")
    assert WEEK_4_MANAGERS in text
    assert "• Bo Chen: 1 open, raised Wed 13 Jan (26 days ago)" in text
    assert "shown where at least 3 reps were reviewed" in text
    [chart] = images(week_4)
    assert fake_slack.files[chart]["channels"] == []
    assert all_text(readout).splitlines()[1] == (
        "Read-out of Q1 Kickoff: day 32 (Fri 12 Feb), covering Mon 11 Jan to Wed 10 Feb"
    )
