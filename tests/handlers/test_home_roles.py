"""The App Home of each role, built by `app_home_opened` through the real app and the fake."""

from __future__ import annotations

import pytest

from bot.fakeslack import FakeSlack, SignedSender
from bot.ids import ActionId
from db.models import Program
from tests.blockkit import assert_valid_view
from tests.databases import Database
from tests.home_world import (
    ADMIN,
    ENABLEMENT,
    LEADER,
    MANAGER,
    MULTI,
    OUTSIDER,
    HomeWorld,
    action_ids,
    build_home_world,
    headers,
    open_home,
    text_of,
)

A = ActionId


@pytest.fixture
def world(database: Database, fake_slack: FakeSlack) -> HomeWorld:
    """The program in its week 2, one person per role."""
    with database.session_factory.begin() as session:
        return build_home_world(session, fake_slack)


def test_a_rep_sees_their_standups_and_coaching_and_nothing_else(
    slack: SignedSender, world: HomeWorld
) -> None:
    home = open_home(slack, world.reps[0])
    assert_valid_view(home)
    assert headers(home) == ["Your kickoff", "Your standups and coaching"]
    assert "Coaching ahead" in text_of(home)
    assert action_ids(home) == {A.HOME_OOO, A.PLAN_WRITE}  # "Write my plan"


def test_a_manager_sees_the_team_with_log_buttons(slack: SignedSender, world: HomeWorld) -> None:
    home = open_home(slack, MANAGER)
    assert_valid_view(home)
    assert headers(home) == ["Your kickoff", "Your team"]
    assert "3 reps" in text_of(home)
    assert "Coaching to log this week" in text_of(home)
    assert action_ids(home) == {A.HOME_OOO, A.COACHING_LOG, A.COMMITMENT_OPEN}


def test_enablement_sees_surveys_and_the_programs_at_a_glance(
    slack: SignedSender, database: Database, world: HomeWorld
) -> None:
    with database.session_factory.begin() as session:
        session.get_one(Program, world.program_id).smallest_group = 3
    home = open_home(slack, ENABLEMENT)
    assert_valid_view(home)
    assert headers(home) == ["Your kickoff", "Enablement", "Surveys", "Behaviour metrics",
                             "Rubric calibration",
                             "Certifications"]
    # Three reps, five standup days behind them, none prompted (no dispatcher ran): excused.
    assert ("*Q1 Kickoff* (active) · 7 members · standups: 15 rep-days expected: 0 answered "
            "(0 late), 15 excused, 0 missed; none closed unexcused yet") in text_of(home)
    assert action_ids(home) == {A.HOME_OOO, A.HOME_SURVEY_CREATE, A.HOME_METRICS_SETTINGS,
                                A.HOME_METRICS_UPLOAD, A.HOME_CALIBRATION_START, A.HOME_CERT_CREATE}


def test_a_glance_withholds_standups_of_fewer_reps_than_the_smallest_group(
    slack: SignedSender, world: HomeWorld
) -> None:
    home = open_home(slack, ENABLEMENT)  # three reps, smallest group 5 by default
    assert "standups: not shown for fewer than 5 reps" in text_of(home)
    assert "15 excused" not in text_of(home)


def test_someone_with_several_roles_sees_each_section_once(
    slack: SignedSender, world: HomeWorld
) -> None:
    home = open_home(slack, MULTI)
    assert_valid_view(home)
    assert headers(home) == ["Your kickoff", "Your team", "Enablement", "Surveys",
                             "Behaviour metrics", "Rubric calibration",
                             "Certifications"]
    assert "manager, enablement" in text_of(home) or "enablement, manager" in text_of(home)
    assert action_ids(home) == {A.HOME_OOO, A.HOME_SURVEY_CREATE, A.HOME_METRICS_SETTINGS,
                                A.HOME_METRICS_UPLOAD, A.HOME_METRICS_REPS,
                                A.HOME_CALIBRATION_START, A.HOME_CERT_CREATE}


def test_a_kickoff_admin_sees_every_set_up_button(slack: SignedSender, world: HomeWorld) -> None:
    home = open_home(slack, ADMIN)
    assert_valid_view(home)
    assert headers(home) == ["Your kickoff", "Admin"]
    assert "*Q1 Kickoff* · active" in text_of(home)
    assert action_ids(home) == {
        A.PROGRAM_CREATE, A.HOME_OOO, A.PROGRAM_EDIT, A.PROGRAM_PAUSE, A.PROGRAM_END,
        A.ROSTER_UPLOAD, A.ROSTER_SYNC, A.SEND_TEST, A.PROGRAM_COPY,
    }


def test_someone_in_no_program_is_told_what_the_bot_is_and_whom_to_ask(
    slack: SignedSender, world: HomeWorld
) -> None:
    home = open_home(slack, OUTSIDER)
    assert_valid_view(home)
    assert headers(home) == ["kickoff-bot"]
    assert "You are not in a kickoff program yet. Ask <@UADMIN>" in text_of(home)
    assert action_ids(home) == set()


def test_a_leader_sees_the_audit_and_this_week_so_far(
    slack: SignedSender, fake_slack: FakeSlack, world: HomeWorld
) -> None:
    home = open_home(slack, LEADER)
    assert_valid_view(home)
    assert headers(home) == ["Your kickoff", "Leadership"]
    assert "no weekly audit yet" in text_of(home)
    assert action_ids(home) == {A.HOME_OOO, A.HOME_AUDIT_WEEK}
    slack.action(user_id=LEADER, action_id=A.HOME_AUDIT_WEEK, value=str(world.program_id),
                 view=home)
    fake_slack.wait_for(lambda: bool(fake_slack.calls_to("views.open")))
    audit = fake_slack.calls_to("views.open")[0].params["view"]
    assert_valid_view(audit)
    assert "(so far)" in headers(audit)[0]
    assert "1:1 completion" in text_of(audit)


def test_this_week_so_far_is_refused_to_a_rep(
    slack: SignedSender, fake_slack: FakeSlack, world: HomeWorld
) -> None:
    slack.action(user_id=world.reps[0], action_id=A.HOME_AUDIT_WEEK,
                 value=str(world.program_id), view={"id": "VHOME", "type": "home"})
    dm = fake_slack.dm_channel(world.reps[0])
    fake_slack.wait_for(lambda: bool(fake_slack.messages(dm)))
    assert "The coaching audit is for the leaders" in fake_slack.messages(dm)[0]["text"]
    assert not fake_slack.calls_to("views.open")
