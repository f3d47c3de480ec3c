"""`/kickoff help` and `/kickoff status` through signed requests to the real Bolt handler."""

from __future__ import annotations

from typing import Any

import pytest
from slack_sdk.models.blocks import Block

from bot.fakeslack import FakeSlack, SignedSender
from db.models import Role
from tests.conftest import ADMIN_ID
from tests.databases import Database
from tests.factories import add_member, make_person, make_program, make_workspace


@pytest.fixture
def roster(database: Database, fake_slack: FakeSlack) -> None:
    """A program with a rep, her manager, an enablement lead and a leader; one outsider."""
    people = {
        "UREP": ("rep@example.com", False),
        "UMGR": ("mgr@example.com", False),
        "UENB": ("enable@example.com", False),
        "ULEAD": ("vp@example.com", False),
        "UOUT": ("out@example.com", False),
        ADMIN_ID: ("admin@example.com", False),
        "UOWNER": ("owner@example.com", True),
    }
    for user_id, (email, owner) in people.items():
        fake_slack.add_user(
            user_id,
            name=user_id.lower(),
            real_name=f"Name {user_id}",
            email=email,
            tz="Europe/Berlin",
            is_owner=owner,
        )
    with database.session_factory.begin() as session:
        workspace = make_workspace(session)
        program = make_program(session, workspace, name="EMEA Kickoff <2027>")
        manager = make_person(session, workspace, "UMGR", name="Marta Manager")
        add_member(session, program, manager, Role.MANAGER)
        add_member(
            session, program, make_person(session, workspace, "UREP"), Role.REP, manager=manager
        )
        add_member(session, program, make_person(session, workspace, "UENB"), Role.ENABLEMENT)
        add_member(session, program, make_person(session, workspace, "ULEAD"), Role.LEADER)


def ask(slack: SignedSender, fake: FakeSlack, user_id: str, text: str) -> dict[str, Any]:
    """Send `/kickoff TEXT` as `user_id`; return the ephemeral answer posted to response_url."""
    answer = slack.command_reply("/kickoff", text, user_id=user_id, channel_id="CGENERAL")
    assert answer["response_type"] == "ephemeral"
    Block.parse_all(answer["blocks"])  # raises on anything slack_sdk's models reject
    return answer


def rendered(answer: dict[str, Any]) -> str:
    """The text of every block of an answer, joined."""
    return str(answer["blocks"])


@pytest.mark.usefixtures("roster")
@pytest.mark.parametrize(
    ("user_id", "present", "absent"),
    [
        ("UREP", ["/kickoff status"], ["roster import"]),
        ("UOUT", ["/kickoff help", "not in a kickoff program yet"], ["roster import"]),
        (ADMIN_ID, ["roster import", "program create"], []),
        ("UOWNER", ["roster import"], []),
    ],
)
def test_help_lists_what_the_caller_may_do(
    slack: SignedSender, fake_slack: FakeSlack, user_id: str, present: list[str], absent: list[str]
) -> None:
    text = rendered(ask(slack, fake_slack, user_id, "help"))
    assert all(item in text for item in present)
    assert not any(item in text for item in absent)


@pytest.mark.usefixtures("roster")
def test_an_empty_command_is_help(slack: SignedSender, fake_slack: FakeSlack) -> None:
    assert "What you can do" in rendered(ask(slack, fake_slack, "UREP", ""))


@pytest.mark.usefixtures("roster")
def test_status_shows_programs_roles_and_manager(
    slack: SignedSender, fake_slack: FakeSlack
) -> None:
    text = rendered(ask(slack, fake_slack, "UREP", "status"))
    assert "EMEA Kickoff &lt;2027&gt;" in text  # the program name is escaped, not markup
    assert "your roles: rep" in text
    assert "Your manager: Marta Manager" in text


@pytest.mark.usefixtures("roster")
def test_status_of_an_outsider_says_so(slack: SignedSender, fake_slack: FakeSlack) -> None:
    assert "not in any kickoff program" in rendered(ask(slack, fake_slack, "UOUT", "status"))


@pytest.mark.usefixtures("roster")
def test_an_unknown_subcommand_points_to_help(slack: SignedSender, fake_slack: FakeSlack) -> None:
    before = len(fake_slack.responses)
    # Slack gets its 200: a listener failing right after ack() must not lose the ack.
    assert slack.command("/kickoff", "dance", user_id="UREP", channel_id="CGENERAL").status == 200
    fake_slack.wait_for(lambda: len(fake_slack.responses) > before)
    answer = fake_slack.responses[before]
    assert answer["text"] == "`/kickoff dance` is not a command. Try `/kickoff help`."
    assert answer["response_type"] == "ephemeral"


@pytest.mark.usefixtures("roster")
def test_an_unknown_slack_user_gets_a_message_not_a_trace(
    slack: SignedSender, fake_slack: FakeSlack
) -> None:
    before = len(fake_slack.responses)
    slack.command("/kickoff", "help", user_id="UGHOST", channel_id="CGENERAL")
    fake_slack.wait_for(lambda: len(fake_slack.responses) > before)
    text = fake_slack.responses[before]["text"]
    assert "Something went wrong on our side" in text
    assert "Traceback" not in text
