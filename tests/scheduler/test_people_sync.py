"""The daily users.list sync against the fake Slack server: every page, rate limits waited out."""

from __future__ import annotations

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler
from sqlalchemy import select

from bot.fakeslack import FakeSlack
from bot.services.people import SyncReport
from bot.slack import directory
from db.models import Person
from scheduler.people_sync import sync_people_with_slack
from tests.databases import Database
from tests.factories import make_person, make_workspace

PEOPLE = ("UANA", "UBEN", "UCAI", "UDEV", "UEVA")


@pytest.fixture
def known(database: Database, fake_slack: FakeSlack) -> None:
    """Five members in Slack and in the database, all in UTC."""
    with database.session_factory.begin() as session:
        workspace = make_workspace(session)
        for slack_id in PEOPLE:
            fake_slack.add_user(slack_id, real_name=slack_id.title(), tz="UTC")
            make_person(session, workspace, slack_id, tz="UTC", name=slack_id.title())


def people(database: Database) -> dict[str, tuple[str, bool]]:
    """Slack id -> (time zone, active) of everyone stored."""
    with database.session_factory() as session:
        return {p.slack_user_id: (p.timezone, p.active) for p in session.scalars(select(Person))}


@pytest.mark.usefixtures("known")
def test_every_page_is_read_and_a_rate_limit_waited_out(
    database: Database,
    fake_slack: FakeSlack,
    slack_client: WebClient,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(directory, "PAGE_SIZE", 2)  # 6 members (the bot too): 3 pages
    fake_slack.update_user("UEVA", deleted=True)  # on the last page
    fake_slack.update_user("UDEV", tz="Asia/Kolkata")
    fake_slack.fail_next("users.list", status=429, retry_after=1)

    report = sync_people_with_slack(client=slack_client, session_factory=database.session_factory)

    assert report == SyncReport(updated=1, deactivated=1, unchanged=3)
    assert people(database)["UDEV"] == ("Asia/Kolkata", True)
    assert people(database)["UEVA"] == ("UTC", False)
    pages = [call.params.get("cursor") for call in fake_slack.calls_to("users.list")]
    assert pages[:2] == [None, None]  # the first page, answered 429, then asked again
    assert len(pages) == 4
    assert all(pages[2:])  # then the next two pages, by cursor
    # The client given (the dispatcher's) is left as it was: it handles 429 itself.
    assert not any(isinstance(h, RateLimitErrorRetryHandler) for h in slack_client.retry_handlers)


@pytest.mark.usefixtures("known")
def test_a_failed_listing_changes_nobody(
    database: Database,
    fake_slack: FakeSlack,
    slack_client: WebClient,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(directory, "PAGE_SIZE", 2)
    fake_slack.update_user("UANA", deleted=True)
    fake_slack.fail_next("users.list", error="missing_scope", status=200)

    with pytest.raises(SlackApiError):
        sync_people_with_slack(client=slack_client, session_factory=database.session_factory)

    assert all(active for _, active in people(database).values())
