"""Acceptance: a unique sentinel value given to each rep never appears in any recorded Slack
call to a channel, or to anyone but that rep and their manager.

Each rep gets their own values (baseline and week 4 from a file; rep 1 also types a week in the
self-report modal); then everything that could carry them runs for real: the dispatcher posts the
read-out and the weekly audit of week 4 to the audit channel and the manager's review DM, every
member opens their App Home, the manager opens their reps' numbers, another manager tries to.
Every call the fake Slack recorded (and every answer to a response_url) is searched.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime

import pytest

from bot.blocks.home.metrics import reps_value
from bot.blocks.metrics_refs import ReportRef
from bot.blocks.metrics_report import input_block
from bot.domain.metrics.report import ReportKind
from bot.fakeslack import FakeSlack, SignedSender
from bot.ids import ActionId, CallbackId
from bot.services.metrics.csv_import import import_metrics_csv
from scheduler.dispatcher import Dispatcher
from tests.databases import Database
from tests.home_world import open_home
from tests.live import place_clock
from tests.services.metrics.world import World, build_world, csv_of

KICKOFF = date(2027, 3, 8)
WEEK_4 = [date(2027, 4, 5 + n) for n in range(5)]
TYPED = {"dials": 424242.5, "discovery_calls": 31313.5, "multithread_contacts": 17171.5}


def baseline(n: int) -> float:
    # squares keep any group's mean (of distinct reps) off every rep's own value
    return 10_000 * n * n + 1234.5


def week_4(n: int) -> float:
    return 10_000 * n * n + 5678.5


def spellings(value: float) -> set[str]:
    """Every way the bot writes a value: 1,441,234.5 / 1441234.5."""
    return {f"{value:,.1f}", f"{value:.1f}", repr(value)}


def utc(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2027, month, day, hour, minute, tzinfo=UTC)


@pytest.fixture
def world(database: Database, fake_slack: FakeSlack) -> World:
    place_clock(fake_slack, utc(3, 24, 15))
    with database.session_factory.begin() as session:
        world = build_world(session, fake_slack, leader=True)
        rows = [f"r{n}@example.com,dials,2027-W0{w},{baseline(n)}" for n in range(1, 13)
                for w in (6, 7, 8, 9)]
        # In Mia's team of 6 only rep 1 has week 4: a team figure would be rep 1's own.
        rows += [f"r{n}@example.com,dials,{day},{week_4(n)}" for n in (1, *range(7, 13))
                 for day in WEEK_4]
        import_metrics_csv(session=session, program=world.program, content=csv_of(*rows),
                           now=utc(3, 1, 9))
    fake_slack.add_channel("CAUDIT", "kickoff-audit",
                           members=["UADMIN", "ULEAD", "UMMIA", "UMNOAH", "UMOLGA"])
    fake_slack.add_channel("CSTANDUP", "kickoff-standups",
                           members=[f"UREP{n:02d}" for n in range(1, 13)])
    return world


def owners(world: World) -> dict[str, set[str]]:
    """Each sentinel spelling -> the Slack ids allowed to see it (the rep and their manager)."""
    allowed: dict[str, set[str]] = {}
    team = {n: "UMMIA" if n <= 6 else "UMNOAH" if n <= 10 else "UMOLGA" for n in range(1, 13)}
    for n in range(1, 13):
        for value in (baseline(n), week_4(n)):
            for text in spellings(value):
                allowed[text] = {f"UREP{n:02d}", team[n]}
    for value in TYPED.values():
        for text in spellings(value):
            allowed[text] = {"UREP01", "UMMIA"}
    return allowed


def test_no_reps_value_reaches_a_channel_or_anyone_but_them_and_their_manager(
    slack: SignedSender, fake_slack: FakeSlack, dispatcher: Dispatcher, world: World,
) -> None:
    openers: list[str] = []  # who each views.open was for, in order
    responders: list[str] = []  # who each response_url answer was for, in order
    # Rep 1 reports week 2 in the modal; the dispatcher sends Mia the review DM.
    report = ReportRef(world.program.id, world.reps[0].id, 2, ReportKind.WEEK)
    state = {input_block(k): {ActionId.METRICS_INPUT.value: {"type": "plain_text_input",
                                                              "value": repr(v)}}
             for k, v in TYPED.items()}
    response = slack.view_submission(user_id="UREP01", callback_id=CallbackId.METRICS_REPORT,
                                     values=state, private_metadata=report.to_value())
    assert response.json in (None, {})
    dispatcher.tick(now=utc(3, 24, 15, 1))
    slack.action(user_id="UMMIA", action_id=ActionId.METRICS_CONFIRM.value,
                 value=report.to_value(), channel_id=fake_slack.dm_channel("UMMIA"))
    responders.append("UMMIA")
    fake_slack.wait_for(lambda: len(fake_slack.responses) >= 1)
    # The read-out (day 32, Friday 9 April) and the audit of week 4 (Monday 12 April).
    for instant in (utc(4, 9, 0, 30), utc(4, 9, 9), utc(4, 12, 0, 30), utc(4, 12, 9)):
        place_clock(fake_slack, instant)
        dispatcher.tick(now=instant)
    assert any("Behaviour" in json.dumps(m) for m in fake_slack.messages("CAUDIT"))
    assert any("Week-4 review" in json.dumps(m) for m in fake_slack.messages("CAUDIT"))
    # Everyone's App Home; Mia's reps' numbers; Noah trying to read Mia's.
    for user in ("UREP01", "UREP07", "UREP12", "UMMIA", "UMNOAH", "ULEAD", "UADMIN"):
        open_home(slack, user)
    home = fake_slack.home("UMMIA")
    assert home is not None
    def answers() -> int:
        return len(fake_slack.calls_to("views.open")) + len(
            fake_slack.calls_to("chat.postMessage"))

    for user in ("UMMIA", "UMNOAH"):
        before = answers()
        slack.action(user_id=user, action_id=ActionId.HOME_METRICS_REPS.value,
                     value=reps_value(world.program.id, world.managers["Mia"].id), view=home)
        fake_slack.wait_for(lambda before=before: answers() > before)  # type: ignore[misc]
        if user == "UMMIA":
            openers.append(user)
    assert_no_leak(fake_slack, world, openers, responders)


def assert_no_leak(
    fake: FakeSlack, world: World, openers: list[str], responders: list[str]
) -> None:
    dms = {fake.dm_channel(user): user for user in fake.workspace.users}
    allowed = owners(world)
    seen: list[tuple[str, str]] = []  # (recipient, text of what was sent)
    opened = iter(openers)
    for call in fake.calls:
        text = json.dumps(call.params, ensure_ascii=False)
        if call.method == "views.open":
            seen.append((next(opened, "someone else"), text))
        elif call.method == "views.publish":
            seen.append((str(call.params["user_id"]), text))
        elif "channel" in call.params or "channels" in call.params:
            channel = str(call.params.get("channel") or call.params.get("channels"))
            seen.append((dms.get(channel, channel), text))
        else:
            seen.append(("unknown", text))
    seen += [(user, json.dumps(body, ensure_ascii=False))
             for user, body in zip(responders, fake.responses, strict=False)]
    found = 0
    for recipient, text in seen:
        for spelling, people in allowed.items():
            if re.search(rf"(?<![\d,.]){re.escape(spelling)}(?!\d)", text):
                found += 1
                assert recipient in people, f"{spelling} reached {recipient}"
    assert found, "no sentinel reached anyone: the test would prove nothing"
