"""Weekly audits and the read-out of a 30-day program with known activity, posted by the real
dispatcher (every feature's planner) to the fake Slack server; the numbers are worked out by
hand from tests/audit_world.py."""

from __future__ import annotations

import json

import pytest

from bot.fakeslack import FakeSlack
from scheduler.dispatcher import Dispatcher
from tests.audit_world import World, build_world
from tests.blockkit import assert_valid_blocks
from tests.databases import Database
from tests.scheduler.audit_run import all_text, audit_posts, images, run

# Week 2: Ada 6 of 6; Bo 1:1 missed, call review skipped: 2 of 4; Cy's third rep away all week
# (excused, out of the denominators) and a disputed call review: 3 of 4. Each manager is listed
# with each cadence type apart: Bo below the 1:1 target, then Cy behind on call reviews, then
# Ada; no team has the smallest group (5) of reviewed reps, so no rubric is shown.
WEEK_2 = [
    "Coaching audit: week of Mon 18 Jan (2027-W03)",
    "*1:1 completion:* 86% (6 of 7 done; target 90%, typical baseline 60%)",
    "*Call reviews:* 5 done of 7 due",
    "*Coaching sessions per rep:* 1.4 (11 held for 8 reps)",
    "*Disputed:* 1 session logged as held that the rep says did not happen (not done)",
    "*Excused:* 2 (out of office all week, or rep moved), left out of every rate",
    "*Week-1 standups:* 32 rep-days expected: 30 answered (2 late), 0 excused, 2 missed; 94% "
    "answered of the 32 not excused",
    "*Open blockers:* 1",
    "*eNPS:* no survey has met its minimum of responses yet",
    "*Managers, below the 90% 1:1 target first (lowest first, with the week before), then "
    "behind on another cadence: each cadence done of due this week*\n"
    "1. Bo Chen: 1:1s 50% (1 of 2), under the 60% baseline; call reviews 1 of 2 done; "
    "territory reviews none due\n"
    "2. Cy Diaz: 1:1s 100% (2 of 2); call reviews 1 of 2 done; territory reviews none due\n"
    "3. Ada Park: 1:1s 100% (3 of 3); call reviews 3 of 3 done; territory reviews none due",
    "*Open blockers by manager* (the manager with the oldest first):\n"
    "• Bo Chen: 1 open, raised Wed 13 Jan (12 days ago)",
]
# Week 3 as posted: Cy's second rep's 1:1 not logged yet (2 of 3, and territory reviews 1 of 3);
# Bo's 1:1s 2 of 2 and territory reviews 1 of 2; Ada everything.
WEEK_3 = [
    "*1:1 completion:* 88% (7 of 8 done; target 90%, typical baseline 60%)",
    "*Call reviews:* none due",
    "*Territory reviews:* 5 done of 8 due",
    "*Coaching sessions per rep:* 1.5 (12 held for 8 reps)",
    "*Disputed:* none",
    "*eNPS:* +40 (Week-2 pulse, 10 responses, closed 29 Jan)",
    "1. Cy Diaz: 1:1s 67% (2 of 3), below target, down from 100%; call reviews none due; "
    "territory reviews 1 of 3 done\n2. Bo Chen: 1:1s 100% (2 of 2), up from 50%; call reviews "
    "none due; territory reviews 1 of 2 done\n3. Ada Park",
]
# Week 4; Cy's late week-3 1:1 raised his week-3 1:1s to 3 of 3 and is noted once.
WEEK_4 = [
    "*1:1 completion:* 88% (7 of 8 done; target 90%, typical baseline 60%)",
    "*Call reviews:* 6 done of 8 due",
    "*Coaching sessions per rep:* 1.6 (13 held for 8 reps)",
    "1. Cy Diaz: 1:1s 67% (2 of 3), below target, down from 100%; call reviews 1 of 3 done; "
    "territory reviews none due",
    "• Bo Chen: 1 open, raised Wed 13 Jan (26 days ago)",
    "• 2027-W04, 1:1s: 7 of 8 done when posted, 8 of 8 now",
]
READOUT = [
    "• held: 91% of 1:1s done (21 of 23)",
    "• not held: 73% of call reviews done (11 of 15), against every one due",
    "• not held: 63% of territory reviews done (5 of 8), against every one due",
    "*Week-1 standups:* 32 rep-days expected: 30 answered (2 late), 0 excused, 2 missed; 94% "
    "answered of the 32 not excused",
    "Week 2 (2027-W03): 1:1s 86% (6 of 7); call reviews 71% (5 of 7); territory reviews none "
    "due",
    "Week 3 (2027-W04): 1:1s 100% (8 of 8); call reviews none due; territory reviews 63% (5 of "
    "8)",
    "Week 4 (2027-W05): 1:1s 88% (7 of 8); call reviews 75% (6 of 8); territory reviews none "
    "due",
    "1:1s, week 2 → week 4: 86% → 88% (+2 points)",
    "(average of 5 reps with two or more):\nDiscovery: 3.0 → 4.0 (+1.0)",
    "*Blockers:* 3 raised, 2 resolved, 1 still open",
    "*eNPS:* +40 (Week-2 pulse, 10 responses)",
]


@pytest.fixture
def world(database: Database, fake_slack: FakeSlack) -> World:
    """The audit program, its people also known to the fake Slack server."""
    with database.session_factory.begin() as session:
        return build_world(session, fake_slack)


def test_weekly_posts_and_readout_say_exactly_the_numbers_worked_out_by_hand(
    database: Database, fake_slack: FakeSlack, dispatcher: Dispatcher, world: World
) -> None:
    run(database, dispatcher, world, until="2027-W06")
    posts = audit_posts(fake_slack)
    texts = [all_text(post) for post in posts]
    assert [text.splitlines()[0] for text in texts] == [
        "Coaching audit 2027-W02 (Q1 Kickoff): no 1:1s were due.",
        "Coaching audit 2027-W03 (Q1 Kickoff): 1:1s 86% done against a 90% target; "
        "1 manager below target.",
        "Coaching audit 2027-W04 (Q1 Kickoff): 1:1s 88% done against a 90% target; "
        "1 manager below target.",
        "Coaching audit 2027-W05 (Q1 Kickoff): 1:1s 88% done against a 90% target; "
        "1 manager below target.",
        "Read-out of Q1 Kickoff: day 32 (Fri 12 Feb), covering Mon 11 Jan to Wed 10 Feb. "
        "Coaching cadence: held: 91% of 1:1s done (21 of 23); not held: 73% of call reviews "
        "done (11 of 15), against every one due; not held: 63% of territory reviews done (5 of "
        "8), against every one due.",
        "Coaching audit 2027-W06 (Q1 Kickoff): no 1:1s were due.",
    ]
    assert ("*Week-1 standups:* 32 rep-days expected: 30 answered (2 late), 0 excused, 2 missed; "
            "94% answered of the 32 not excused") in texts[0]
    for expected, text in [(WEEK_2, texts[1]), (WEEK_3, texts[2]), (WEEK_4, texts[3]),
                           (READOUT, texts[4])]:
        for line in expected:
            assert line in text
    assert "*No coaching was due this week.*" in texts[5]
    assert "Changed after it was posted" not in texts[5]  # the late log was noted once


def test_posts_mention_nobody_show_an_unshared_chart_and_pass_block_kit_validation(
    database: Database, fake_slack: FakeSlack, dispatcher: Dispatcher, world: World
) -> None:
    run(database, dispatcher, world, until="2027-W06")
    posts = audit_posts(fake_slack)
    assert len(posts) == 6
    for post in posts:
        assert_valid_blocks(post["blocks"])
        assert "<@" not in json.dumps(post)
        assert "<!" not in json.dumps(post)
    charts = [file_id for post in posts for file_id in images(post)]
    files = fake_slack.files
    # W03 to W05: the chart shows the audited week, and nothing was due in W02 or W06.
    assert len(charts) == 3
    assert sorted(charts) == sorted(files)  # every upload is shown, none twice
    assert all(files[file_id]["channels"] == [] for file_id in charts)  # shared to no channel
    assert all(files[file_id]["content"].startswith(b"\x89PNG") for file_id in charts)
