"""Out of office from Slack: `/kickoff ooo` and the home's modal, for oneself, a rep one
manages, or anyone for an admin; the out-of-office service's rules apply."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from bot.fakeslack import FakeSlack, SignedSender
from bot.ids import ActionId, CallbackId, SetupField
from db.models import OutOfOffice
from tests.blockkit import assert_valid_view
from tests.databases import Database
from tests.home_world import (
    ADMIN,
    MANAGER,
    HomeWorld,
    build_home_world,
    next_home,
    open_home,
)
from tests.live import LIVE_DAY

FIRST, LAST = LIVE_DAY + timedelta(days=2), LIVE_DAY + timedelta(days=4)


@pytest.fixture
def world(database: Database, fake_slack: FakeSlack) -> HomeWorld:
    """The program, one person per role."""
    with database.session_factory.begin() as session:
        return build_home_world(session, fake_slack)


def ranges(database: Database, world: HomeWorld, slack_id: str) -> list[tuple[date, date]]:
    """The person's out-of-office ranges."""
    with database.session_factory() as session:
        rows = session.scalars(select(OutOfOffice).where(
            OutOfOffice.person_id == world.people[slack_id]))
        return [(row.first_day, row.last_day) for row in rows]


def ooo(slack: SignedSender, user_id: str, text: str, *, refreshes: bool = False) -> str:
    """`/kickoff ooo TEXT` and the ephemeral answer (and, when days were set, the home
    published after it)."""
    published = len(slack.fake.calls_to("views.publish"))
    reply = slack.command_reply("/kickoff", f"ooo {text}".strip(), user_id=user_id,
                                channel_id="CGENERAL")
    if refreshes:
        next_home(slack.fake, user_id, published)
    return str(reply["text"])


def test_a_rep_sets_their_own_days_and_the_same_command_twice_changes_nothing(
    slack: SignedSender, database: Database, world: HomeWorld
) -> None:
    rep = world.reps[0]
    said = ooo(slack, rep, f"{FIRST} {LAST}", refreshes=True)
    assert said.startswith(f"You are out of office {FIRST:%a %Y-%m-%d} to {LAST:%a %Y-%m-%d} "
                           "(3 day(s), UTC): nothing is sent on those days.")
    ooo(slack, rep, f"{FIRST} {LAST}", refreshes=True)
    assert ranges(database, world, rep) == [(FIRST, LAST)]
    assert f"• {FIRST:%a %Y-%m-%d} to {LAST:%a %Y-%m-%d}" in ooo(slack, rep, "")


def test_a_manager_sets_a_reps_days_but_a_rep_cannot_set_another_reps(
    slack: SignedSender, database: Database, world: HomeWorld
) -> None:
    ana, ben = world.reps[0], world.reps[1]
    assert ooo(slack, MANAGER, f"<@{ana}|ana> {FIRST} {LAST}", refreshes=True).startswith(
        "Rep 00 is out of")
    refused = ooo(slack, ben, f"<@{ana}> {FIRST} {LAST}")
    assert refused.startswith("You can set out of office for yourself, for the reps you manage")
    assert ranges(database, world, ana) == [(FIRST, LAST)]


def test_days_in_the_wrong_order_or_not_dates_are_explained(
    slack: SignedSender, database: Database, world: HomeWorld
) -> None:
    rep = world.reps[0]
    assert "is after the last day" in ooo(slack, rep, f"{LAST} {FIRST}")
    assert ooo(slack, rep, "monday friday").startswith("'monday' is not a date like 2026-01-12")
    assert ranges(database, world, rep) == []


def test_an_admin_sets_someones_days_from_the_home_modal(
    slack: SignedSender, fake_slack: FakeSlack, database: Database, world: HomeWorld
) -> None:
    home = open_home(slack, ADMIN)
    slack.action(user_id=ADMIN, action_id=ActionId.HOME_OOO, value="other", view=home)
    fake_slack.wait_for(lambda: bool(fake_slack.calls_to("views.open")))
    modal = fake_slack.calls_to("views.open")[0].params["view"]
    assert_valid_view(modal)
    rep = world.reps[2]
    wrong = submit_ooo(slack, ADMIN, rep, LAST, FIRST)
    assert list(wrong["errors"]) == [SetupField.OOO_LAST_DAY]
    published = len(fake_slack.calls_to("views.publish"))
    done = submit_ooo(slack, ADMIN, rep, FIRST, LAST)
    assert done["response_action"] == "update"
    next_home(fake_slack, ADMIN, published)
    assert ranges(database, world, rep) == [(FIRST, LAST)]


def submit_ooo(
    slack: SignedSender, user_id: str, person: str, first: date, last: date
) -> dict[str, Any]:
    """Submit the out-of-office modal."""
    def day(field: SetupField, value: date) -> dict[str, dict[str, Any]]:
        return {field: {"type": "datepicker", "selected_date": value.isoformat()}}

    values: dict[str, dict[str, dict[str, Any]]] = {
        SetupField.OOO_PERSON: {SetupField.OOO_PERSON: {"type": "users_select",
                                                        "selected_user": person}},
        SetupField.OOO_FIRST_DAY: day(SetupField.OOO_FIRST_DAY, first),
        SetupField.OOO_LAST_DAY: day(SetupField.OOO_LAST_DAY, last),
    }
    response = slack.view_submission(user_id=user_id, callback_id=CallbackId.OUT_OF_OFFICE,
                                     values=values)
    assert response.status == 200
    return response.json or {}
