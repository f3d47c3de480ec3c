"""An audit is stored once and posted once: late logs never change a posted week, a restart
never posts a week again, and a crash between an upload and the post leaves only an unshared
file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from slack_sdk import WebClient
from sqlalchemy.orm import Session

from bot.fakeslack import FakeSlack
from bot.features.registry import REGISTRY
from bot.settings import Settings
from scheduler.dispatcher import Dispatcher
from scheduler.plans.audit import AuditPlanner
from scheduler.sending import UploadedFile
from tests.audit_world import World, build_world
from tests.conftest import FAST
from tests.databases import Database
from tests.scheduler.audit_run import (
    WEEKLY_POSTS,
    activity_of,
    all_text,
    audit_posts,
    images,
    run,
    snapshots,
)


@pytest.fixture
def world(database: Database, fake_slack: FakeSlack) -> World:
    """The audit program, its people also known to the fake Slack server."""
    with database.session_factory.begin() as session:
        return build_world(session, fake_slack)


@pytest.fixture
def restarted(
    database: Database, slack_client: WebClient, settings: Settings
) -> Iterator[Dispatcher]:
    """A second dispatcher over the same database, as after a restart: new planners, no memory."""
    sender = Dispatcher(session_factory=database.session_factory, client=slack_client,
                        planners=REGISTRY.planners(settings), config=FAST)
    yield sender
    sender.close()


def test_a_late_log_leaves_the_posted_week_unchanged_and_is_noted_the_next_week(
    database: Database, fake_slack: FakeSlack, dispatcher: Dispatcher, world: World
) -> None:
    run(database, dispatcher, world, until="2027-W04")
    posted = snapshots(database)
    assert '"one_on_one": {"counted": 8, "done": 7' in posted["weekly:2027-W04"]
    run(database, dispatcher, world, after="2027-W04", until="2027-W06")  # the late log first
    after = snapshots(database)
    assert {key: after[key] for key in posted} == posted  # byte for byte
    texts = [all_text(post) for post in audit_posts(fake_slack)]
    note = "• 2027-W04, 1:1s: 7 of 8 done when posted, 8 of 8 now"
    assert [note in text for text in texts] == [False, False, False, True, False, False]


def test_a_week_is_never_posted_twice_also_after_a_restart(
    database: Database, fake_slack: FakeSlack, dispatcher: Dispatcher, restarted: Dispatcher,
    world: World,
) -> None:
    run(database, dispatcher, world, until="2027-W05")
    posts, uploads, stored = audit_posts(fake_slack), fake_slack.files, snapshots(database)
    monday = WEEKLY_POSTS["2027-W05"]
    for now in (monday, monday + timedelta(minutes=30), monday + timedelta(hours=20)):
        restarted.tick(now=now)
    assert audit_posts(fake_slack) == posts
    assert len(posts) == 4
    assert fake_slack.files == uploads  # nothing uploaded again either
    assert snapshots(database) == stored


class _Crash(Exception):
    """The process dies."""


class _DiesAfterUploading(AuditPlanner):
    """The audit planner of a process that dies once Slack has the files, before it records them."""

    def uploaded(self, *, session: Session, key: str, files: list[UploadedFile]) -> None:
        raise _Crash


def test_a_crash_between_upload_and_post_leaves_an_unshared_file_never_a_second_post(
    database: Database, fake_slack: FakeSlack, dispatcher: Dispatcher, slack_client: WebClient,
    settings: Settings, world: World,
) -> None:
    run(database, dispatcher, world, until="2027-W04")
    activity_of(database, world, "2027-W05")
    monday = WEEKLY_POSTS["2027-W05"]
    planners = [planner if not isinstance(planner, AuditPlanner) else _DiesAfterUploading()
                for planner in REGISTRY.planners(settings)]
    dying = Dispatcher(session_factory=database.session_factory, client=slack_client,
                       planners=planners, config=FAST)
    with pytest.raises(_Crash):
        dying.tick(now=monday)  # the files are uploaded; then the process dies
    dying.close()
    assert audit_posts(fake_slack)[-1]["text"].startswith("Coaching audit 2027-W04")
    dispatcher.tick(now=monday + timedelta(minutes=5))  # its claim has lapsed by then
    dispatcher.tick(now=monday + timedelta(minutes=10))
    posts = audit_posts(fake_slack)
    assert [post["text"].split(" (")[0] for post in posts].count("Coaching audit 2027-W05") == 1
    shown = {file_id for post in posts for file_id in images(post)}
    unshown = set(fake_slack.files) - shown
    assert len(shown) == 3
    assert len(unshown) == 1
    assert fake_slack.files[unshown.pop()]["channels"] == []


def test_a_post_waits_while_its_files_cannot_be_uploaded_then_shows_them(
    database: Database, fake_slack: FakeSlack, dispatcher: Dispatcher, world: World
) -> None:
    run(database, dispatcher, world, until="2027-W04")
    activity_of(database, world, "2027-W05")
    fake_slack.fail_next("files.getUploadURLExternal", status=503, times=2)
    dispatcher.tick(now=WEEKLY_POSTS["2027-W05"])
    [post] = [post for post in audit_posts(fake_slack)
              if post["text"].startswith("Coaching audit 2027-W05")]
    [chart] = images(post)
    assert chart in fake_slack.files
