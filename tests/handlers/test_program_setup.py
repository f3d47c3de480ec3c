"""Creating and editing a program in Slack: the modal, each refusal of the form at its input
(the shell's rules), channels kickoff-bot cannot post to refused after the ack by DM with the
fix, and a program exactly as the shell shows it."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.cli import main
from bot.domain.program_spec import ProgramSpec
from bot.fakeslack import FakeSlack, SignedSender
from bot.ids import ActionId, CallbackId
from bot.ids import ProgramField as F
from bot.services.setup.policy import REFUSAL
from db.models import Program
from tests.blockkit import assert_valid_view
from tests.databases import Database
from tests.handlers.program_modal_support import submit_program
from tests.home_world import ADMIN, action_ids, next_home, open_home, text_of
from tests.live import LIVE_DAY, place_clock

KICKOFF = (LIVE_DAY + timedelta(days=14)).isoformat()


@pytest.fixture
def workspace(fake_slack: FakeSlack) -> FakeSlack:
    """The admin and the channels the program may use, as Slack knows them, at LIVE_NOW (two
    weeks before the kickoff the forms give)."""
    place_clock(fake_slack)
    fake_slack.add_user(ADMIN, real_name="Ada Admin", email="ada@example.com")
    fake_slack.add_user("UREP", real_name="Rita Rep")
    fake_slack.add_channel("CSALES", "sales-standups")
    fake_slack.add_channel("CLEAD", "sales-leadership")
    fake_slack.add_channel("CNOBOT", "sales-floor", bot_is_member=False)
    fake_slack.add_channel("COLD", "old-kickoff", is_archived=True)
    fake_slack.add_channel("GSECRET", "leaders", bot_is_member=False, is_private=True)
    return fake_slack


def valid() -> dict[F, Any]:
    """Every field of the modal, filled in as an admin would."""
    return {
        F.NAME: "FY27 Kickoff", F.KICKOFF_DATE: KICKOFF, F.EVENT_DAYS: 2,
        F.TIMEZONE: "america/new_york", F.STANDUP_CHANNEL: "CSALES", F.AUDIT_CHANNEL: "CLEAD",
        F.WORKING_DAYS: [1, 2, 3, 4, 5], F.HOLIDAYS: "2027-01-18\n2027-02-15",
        F.WORK_START: "08:00", F.WORK_END: "17:30", F.STANDUP_TIME: "08:30",
        F.REMINDER_TIME: "12:00", F.STANDUP_DAYS: 4,
        F.COACHING_DUE_WEEKDAY: 5, F.ONE_ON_ONE_TARGET: 0.9, F.BASELINE_COMPLETION: 0.55,
        F.READOUT_DAY: 33,
    }


def test_the_modal_asks_every_setting_the_shell_offers(
    slack: SignedSender, workspace: FakeSlack
) -> None:
    home = open_home(slack, ADMIN)
    slack.action(user_id=ADMIN, action_id=ActionId.PROGRAM_CREATE, value="new", view=home)
    workspace.wait_for(lambda: bool(workspace.calls_to("views.open")))
    modal = workspace.calls_to("views.open")[0].params["view"]
    assert_valid_view(modal)
    assert modal["callback_id"] == CallbackId.PROGRAM_SETUP
    inputs = [block["block_id"] for block in modal["blocks"] if block["type"] == "input"]
    assert inputs == [field.value for field in F]
    assert set(inputs) == set(ProgramSpec.model_fields)
    timezone = next(b for b in modal["blocks"] if b["block_id"] == F.TIMEZONE)
    assert timezone["element"]["type"] == "plain_text_input"  # ~400 zones: no static select


@pytest.mark.parametrize(("field", "value", "error"), [
    (F.NAME, "   ", "must not be blank"),
    (F.KICKOFF_DATE, "2020-01-06", "the 30 days after 2020-01-06 ended on 2020-02-05"),
    (F.EVENT_DAYS, 3, "Input should be less than or equal to 2"),
    (F.TIMEZONE, "Mars/Olympus_Mons", "'Mars/Olympus_Mons' is not an IANA time zone"),
    (F.STANDUP_CHANNEL, "sales", "'sales' is not a channel id (like C0123ABCD)"),
    (F.WORKING_DAYS, [], "at least one working day is needed"),
    (F.HOLIDAYS, "2027-01-18, 2027-02-30", "'2027-02-30' is not a date like 2027-01-31"),
    (F.STANDUP_TIME, "25:00", "Input should be in a valid time format"),
    (F.REMINDER_TIME, "08:00", "the reminder time must be later than the standup time"),
    (F.STANDUP_TIME, "07:30", "standup time 07:30 is before the working window (08:00-17:30); "
                              "set it to 08:00 or later, or widen the working hours"),
    (F.REMINDER_TIME, "17:30", "reminder time 17:30 is not inside the working window "
                               "(08:00-17:30); set it before 17:30, or widen the working hours"),
    (F.WORK_END, "07:00", "the working hours must end after they start (08:00)"),
    (F.STANDUP_DAYS, 11, "Input should be less than or equal to 10"),
    (F.COACHING_DUE_WEEKDAY, 8, "Input should be less than or equal to 7"),
    (F.ONE_ON_ONE_TARGET, 1.5, "Input should be less than or equal to 1"),
    (F.BASELINE_COMPLETION, -0.1, "Input should be greater than or equal to 0"),
    (F.READOUT_DAY, 29, "Input should be greater than or equal to 30"),
])
def test_each_invalid_field_gets_its_error_at_its_input(
    slack: SignedSender, workspace: FakeSlack, database: Database, field: F, value: Any,
    error: str,
) -> None:
    answer = submit_program(slack, ADMIN, valid() | {field: value})
    assert answer["response_action"] == "errors"
    assert list(answer["errors"]) == [field.value]
    assert error in answer["errors"][field.value]
    with database.session_factory() as session:
        assert session.scalar(select(func.count()).select_from(Program)) == 0


def test_a_window_leaving_out_the_coaching_digest_is_refused_at_its_end(
    slack: SignedSender, workspace: FakeSlack, database: Database
) -> None:
    # The standup (08:30) is checked against a window once the window itself is accepted.
    answer = submit_program(slack, ADMIN, valid() | {F.WORK_START: "10:00", F.WORK_END: "16:00"})
    assert answer == {"response_action": "errors", "errors": {
        "work_end": "the working window (10:00-16:00) leaves out 09:00, when managers get their "
                    "coaching digest; start it at 09:00 or earlier",
    }}
    with database.session_factory() as session:
        assert session.scalar(select(func.count()).select_from(Program)) == 0


AGAIN = "then submit the program again from your App Home. Nothing was changed."


@pytest.mark.parametrize(("field", "channel", "told"), [
    (F.STANDUP_CHANNEL, "CGONE", "kickoff-bot cannot see channel CGONE: if it is private, type "
                                 f"/invite @kickoff-bot in it, {AGAIN}"),
    (F.AUDIT_CHANNEL, "COLD", "#old-kickoff is archived; choose another channel. "
                              "Nothing was changed."),
    (F.AUDIT_CHANNEL, "GSECRET", "kickoff-bot cannot see channel GSECRET: if it is private, "
                                 f"type /invite @kickoff-bot in it, {AGAIN}"),
    (F.STANDUP_CHANNEL, "CNOBOT", "kickoff-bot is not in #sales-floor: type /invite "
                                  f"@kickoff-bot in #sales-floor, {AGAIN}"),
])
def test_a_channel_the_bot_cannot_post_in_is_refused_after_the_ack_with_the_fix(
    slack: SignedSender, workspace: FakeSlack, database: Database, field: F, channel: str,
    told: str,
) -> None:
    answer = submit_program(slack, ADMIN, valid() | {field: channel})
    assert answer["response_action"] == "update"  # acknowledged before Slack is asked
    assert "Checking the channels with Slack" in text_of(answer["view"])
    assert next_dm(workspace, ADMIN, 0) == told
    with database.session_factory() as session:
        assert session.scalar(select(func.count()).select_from(Program)) == 0


def test_an_edit_to_a_channel_the_bot_cannot_post_in_changes_nothing(
    slack: SignedSender, workspace: FakeSlack, database: Database
) -> None:
    submit_program(slack, ADMIN, valid())
    next_dm(workspace, ADMIN, 0)
    answer = submit_program(slack, ADMIN, valid() | {F.AUDIT_CHANNEL: "COLD"}, program_id=1)
    assert answer["response_action"] == "update"
    assert next_dm(workspace, ADMIN, 1) == ("#old-kickoff is archived; choose another channel. "
                                            "Nothing was changed.")
    with database.session_factory() as session:
        assert session.get_one(Program, 1).audit_channel == "CLEAD"


def test_a_taken_name_is_refused_after_the_ack(slack: SignedSender, workspace: FakeSlack) -> None:
    assert submit_program(slack, ADMIN, valid())["response_action"] == "update"
    next_dm(workspace, ADMIN, 0)
    again = submit_program(slack, ADMIN, valid() | {F.KICKOFF_DATE: KICKOFF})
    assert again["response_action"] == "update"
    assert next_dm(workspace, ADMIN, 1) == "a program named 'FY27 Kickoff' already exists."


def test_a_valid_program_is_created_exactly_as_the_shell_shows_it(
    slack: SignedSender, workspace: FakeSlack, database: Database, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    published = len(workspace.calls_to("views.publish"))
    answer = submit_program(slack, ADMIN, valid())
    assert answer["response_action"] == "update"
    assert "*FY27 Kickoff* is a draft" in next_dm(workspace, ADMIN, 0)
    home = next_home(workspace, ADMIN, published)
    assert_valid_view(home)
    assert "*FY27 Kickoff* · draft" in text_of(home)
    assert ActionId.PROGRAM_LAUNCH in action_ids(home)
    assert shell_show(monkeypatch, tmp_path, capsys, workspace, database) == {
        "id": 1, "status": "draft", "name": "FY27 Kickoff", "kickoff_date": KICKOFF,
        "event_days": 2, "timezone": "America/New_York", "standup_channel": "CSALES",
        "audit_channel": "CLEAD", "working_days": [1, 2, 3, 4, 5],
        "holidays": ["2027-01-18", "2027-02-15"], "work_start": "08:00:00",
        "work_end": "17:30:00", "standup_time": "08:30:00",
        "reminder_time": "12:00:00", "coaching_due_weekday": 5, "standup_days": 4,
        "one_on_one_target": 0.9, "baseline_completion": 0.55, "readout_day": 33,
    }


def test_edit_opens_the_settings_and_saves_the_change(
    slack: SignedSender, workspace: FakeSlack, database: Database, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    submit_program(slack, ADMIN, valid())
    next_home(workspace, ADMIN, 0)
    home = open_home(slack, ADMIN)
    slack.action(user_id=ADMIN, action_id=ActionId.PROGRAM_EDIT, value="1", view=home)
    workspace.wait_for(lambda: bool(workspace.calls_to("views.open")))
    modal = workspace.calls_to("views.open")[0].params["view"]
    assert_valid_view(modal)
    name = next(b for b in modal["blocks"] if b["block_id"] == F.NAME)
    assert name["element"]["initial_value"] == "FY27 Kickoff"
    published = len(workspace.calls_to("views.publish"))
    answer = submit_program(slack, ADMIN, valid() | {F.STANDUP_DAYS: 5}, program_id=1)
    assert answer["response_action"] == "update"
    next_home(workspace, ADMIN, published)
    shown = shell_show(monkeypatch, tmp_path, capsys, workspace, database)
    assert (shown["standup_days"], shown["status"]) == (5, "draft")


def test_someone_who_is_not_an_admin_cannot_create_a_program(
    slack: SignedSender, workspace: FakeSlack, database: Database
) -> None:
    answer = submit_program(slack, "UREP", valid())
    assert answer["response_action"] == "update"
    assert next_dm(workspace, "UREP", 0) == REFUSAL
    with database.session_factory() as session:
        assert session.scalar(select(func.count()).select_from(Program)) == 0


def next_dm(fake: FakeSlack, user_id: str, seen: int) -> str:
    """The text of the DM kickoff-bot sends `user_id` after the `seen` ones, once it is sent."""
    channel = fake.dm_channel(user_id)
    fake.wait_for(lambda: len(fake.messages(channel)) > seen)
    text: str = fake.messages(channel)[seen]["text"]
    return text


def shell_show(
    monkeypatch: pytest.MonkeyPatch, folder: Path, capsys: pytest.CaptureFixture[str],
    fake: FakeSlack, database: Database,
) -> dict[str, Any]:
    """`kickoff-bot program show 1 --json`, run as a shell user would."""
    monkeypatch.chdir(folder)
    for name, value in (("SLACK_BOT_TOKEN", "xoxb-fake"), ("SLACK_SIGNING_SECRET", "s"),
                        ("SLACK_API_URL", fake.api_url), ("DATABASE_URL", database.url)):
        monkeypatch.setenv(name, value)
    capsys.readouterr()
    assert main(["program", "show", "1", "--json"]) == 0
    shown: dict[str, Any] = json.loads(capsys.readouterr().out)
    return shown
