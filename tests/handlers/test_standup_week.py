"""Acceptance: a full standup week for reps in Los Angeles, Berlin, Kolkata, Sydney and Chatham,
in the week the US switches to daylight time (Sunday 14 March 2027).

The dispatcher is ticked at every prompt and reminder time (and a minute before each); every tick
must DM exactly the reps due at that instant. Reps act through signed requests to the real app.
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select

from bot.domain.standups.participation import Status
from bot.fakeslack import FakeSlack, SignedSender, SlackResponse
from bot.ids import ActionId, BlockId, CallbackId
from bot.services.standups.out_today import mark_out_today
from bot.services.standups.participation import participation
from bot.services.standups.turn import StandupTurn
from db.models import Membership, Program
from scheduler.dispatcher import Dispatcher
from tests.databases import Database
from tests.handlers.standup_slack import at, click, last_dm, open_modal, submit
from tests.standup_world import CHANNEL, REPS, World, add_slack_people, build_world, utc

# Each rep's 09:00 on the five standup days, in UTC: Los Angeles moves from UTC-8 to UTC-7.
PROMPTS = {
    "UCHA": [utc(2027, 3, d, 19, 15) for d in (11, 14, 15, 16, 17)],
    "USYD": [utc(2027, 3, d, 22) for d in (11, 14, 15, 16, 17)],
    "UKOL": [utc(2027, 3, d, 3, 30) for d in (12, 15, 16, 17, 18)],
    "UBER": [utc(2027, 3, d, 8) for d in (12, 15, 16, 17, 18)],
    "ULA": [utc(2027, 3, 12, 17)] + [utc(2027, 3, d, 16) for d in (15, 16, 17, 18)],
}
TWO_HOURS = timedelta(hours=2)  # the reminder comes at 11:00 local
DEACTIVATED_AFTER_DAY = 2  # Ana (Los Angeles) leaves the program after Day 2


class Week:
    """The test's view of the week: ticks the dispatcher and records what each tick sent."""

    def __init__(
        self, slack: SignedSender, dispatcher: Dispatcher, database: Database, world: World
    ) -> None:
        self.slack, self.fake, self.dispatcher = slack, slack.fake, dispatcher
        self.database, self.world = database, world
        self.sent_at: dict[str, list[datetime]] = {user: [] for user in REPS}

    def tick(self, now: datetime) -> set[str]:
        """Tick at `now`; the reps it DMed about their standup (plan DMs left out)."""
        before = len(self.fake.calls_to("chat.postMessage"))
        self.dispatcher.tick(now=now)
        users = {c.params["channel"] for c in self.fake.calls_to("chat.postMessage")[before:]
                 if "your plan" not in str(c.params.get("text"))}
        for user in users & REPS.keys():
            self.sent_at[user].append(now)
        return users & REPS.keys()

    def answer(self, user: str, when: datetime, **fields: Any) -> None:
        """Answer from the newest DM (prompt or reminder), then let the replies go out; from Day 2
        the earlier day's activity was done (asked only when there is one)."""
        view = open_modal(self.slack, user, last_dm(self.fake, user), when=when)
        response = submit(self.slack, user, view, when=when, **({"done": "yes"} | fields))
        assert response.status == 200
        assert response.json is None or response.json.get("response_action") != "errors"
        assert self.tick(when + timedelta(minutes=1)) == set()


@pytest.fixture
def week(
    slack: SignedSender, fake_slack: FakeSlack, dispatcher: Dispatcher, database: Database
) -> Week:
    """The program, the people in Slack, and a Week to drive it."""
    add_slack_people(fake_slack)
    with database.session_factory.begin() as session:
        world = build_world(session)
    return Week(slack, dispatcher, database, world)


class Captured(SignedSender):
    """Builds a signed request without sending it, so several can be sent at one moment."""

    body: bytes = b""
    headers: dict[str, str] = {}  # noqa: RUF012  (set per instance by send_raw)

    def send_raw(
        self,
        body: bytes,
        headers: dict[str, str],
        *,
        timestamp: int | str | None = None,
        secret: str | None = None,
    ) -> SlackResponse:
        """Keep the request instead of sending it."""
        self.body, self.headers = body, headers
        return SlackResponse(200, "", None)


def race_first_answers(week: Week, users: list[str], when: datetime) -> None:
    """Two reps' first answers of the day submitted at the same moment, each on its thread."""
    requests = []
    for user in users:
        view = open_modal(week.slack, user, last_dm(week.fake, user), when=when)
        captured = Captured(url=week.slack.url, signing_secret="", fake=week.fake)
        captured.view_submission(
            user_id=user,
            callback_id=CallbackId.STANDUP_ANSWER,
            view_id=view["id"],
            values={
                block: {ActionId.STANDUP_TEXT: {"type": "plain_text_input", "value": "Go"}}
                for block in (BlockId.STANDUP_ACTIVITY, BlockId.STANDUP_WIN)
            },
        )
        requests.append((captured.body, captured.headers))
    barrier = threading.Barrier(len(requests))
    responses: list[SlackResponse] = []

    def send(body: bytes, headers: dict[str, str]) -> None:
        barrier.wait()
        responses.append(week.slack.send_raw(body, headers, timestamp=int(when.timestamp())))

    threads = [threading.Thread(target=send, args=request) for request in requests]
    at(week.fake, when)
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert [r.status for r in responses] == [200, 200]
    assert week.tick(when + timedelta(minutes=1)) == set()


def test_a_full_week_across_time_zones_and_the_us_daylight_switch(week: Week) -> None:
    expect_ticks_with_actions_day_1(week)
    expect_ticks_with_actions_day_2(week)
    deactivate(week, "ULA")
    for day in (3, 4, 5):
        for user in ("UCHA", "USYD", "UKOL", "UBER"):
            prompt = PROMPTS[user][day - 1]
            assert week.tick(prompt - timedelta(minutes=1)) == set()
            assert week.tick(prompt) == {user}
            week.answer(user, prompt + timedelta(minutes=5))
            assert week.tick(prompt + TWO_HOURS) == set()
        assert week.tick(PROMPTS["ULA"][day - 1]) == set()  # deactivated: no prompt, no error
    check_prompts_went_at_local_nine(week)
    check_one_thread_per_day(week.fake)
    check_participation(week)


def expect_ticks_with_actions_day_1(week: Week) -> None:
    """Day 1 (Fri 12 Mar): Kolkata answers on time, Sydney is out today, Berlin answers at 23:50
    (late, accepted), Chatham never answers, Los Angeles tries five minutes after midnight."""
    assert week.tick(PROMPTS["UCHA"][0]) == {"UCHA"}
    assert week.tick(PROMPTS["UCHA"][0] + TWO_HOURS) == {"UCHA"}
    assert week.tick(PROMPTS["USYD"][0]) == {"USYD"}
    with week.database.session_factory.begin() as session:
        mark_out_today(
            session=session,
            turn=StandupTurn(
                program_id=week.world.program_id,
                rep_user_id="USYD",
                actor_user_id="USYD",
                number=1,
                now=utc(2027, 3, 11, 22, 5),
            ),
        )
    assert week.tick(PROMPTS["USYD"][0] + TWO_HOURS) == set()
    assert week.tick(PROMPTS["UKOL"][0]) == {"UKOL"}
    week.answer("UKOL", utc(2027, 3, 12, 3, 40))
    assert week.tick(PROMPTS["UKOL"][0] + TWO_HOURS) == set()
    assert week.tick(PROMPTS["UBER"][0]) == {"UBER"}
    assert week.tick(PROMPTS["UBER"][0] + TWO_HOURS) == {"UBER"}
    assert week.tick(PROMPTS["ULA"][0]) == {"ULA"}
    assert week.tick(PROMPTS["ULA"][0] + TWO_HOURS) == {"ULA"}
    week.answer("UBER", utc(2027, 3, 12, 22, 50))  # 23:50 in Berlin
    refused = click(
        week.slack,
        "ULA",
        last_dm(week.fake, "ULA"),
        ActionId.STANDUP_ANSWER,
        when=utc(2027, 3, 13, 8, 5),
    )  # 00:05 on Saturday in Los Angeles
    assert refused.status == 200
    assert "closed at midnight" in week.fake.responses[-1]["text"]


def expect_ticks_with_actions_day_2(week: Week) -> None:
    """Day 2 (Mon 15 Mar; Los Angeles is on daylight time now): Chatham and Sydney answer at
    the same instant, then everyone answers soon after their prompt."""
    assert week.tick(PROMPTS["UCHA"][1] - timedelta(minutes=1)) == set()
    assert week.tick(PROMPTS["UCHA"][1]) == {"UCHA"}
    assert week.tick(PROMPTS["UCHA"][1] + TWO_HOURS) == {"UCHA"}  # no answer yet
    assert week.tick(PROMPTS["USYD"][1]) == {"USYD"}
    race_first_answers(week, ["UCHA", "USYD"], utc(2027, 3, 14, 22, 5))
    assert week.tick(PROMPTS["USYD"][1] + TWO_HOURS) == set()
    for user in ("UKOL", "UBER", "ULA"):
        prompt = PROMPTS[user][1]
        assert week.tick(prompt - timedelta(minutes=1)) == set()
        assert week.tick(prompt) == {user}
        week.answer(user, prompt + timedelta(minutes=10))
        assert week.tick(prompt + TWO_HOURS) == set()


def deactivate(week: Week, user: str) -> None:
    """The rep leaves the program (as a roster import would do)."""
    with week.database.session_factory.begin() as session:
        member = session.scalars(
            select(Membership).where(Membership.person_id == week.world.person_ids[user])
        ).one()
        member.active = False


def check_prompts_went_at_local_nine(week: Week) -> None:
    """Every DM to a rep went at a prompt or a reminder time, and every prompt went."""
    for user, prompts in PROMPTS.items():
        days = DEACTIVATED_AFTER_DAY if user == "ULA" else 5
        allowed = set(prompts[:days]) | {p + TWO_HOURS for p in prompts[:days]}
        assert set(prompts[:days]) <= set(week.sent_at[user]), user
        assert set(week.sent_at[user]) <= allowed, user


def check_one_thread_per_day(fake: FakeSlack) -> None:
    """Five parents in the channel; each day's replies match its answers."""
    parents = fake.messages(CHANNEL)
    titles = [p["text"].split(":")[0] for p in parents]
    assert titles == [f"Week-1 standup - Day {n} of 5" for n in range(1, 6)]
    replies = [len(fake.replies(CHANNEL, parent["ts"])) for parent in parents]
    assert replies == [2, 5, 4, 4, 4]
    assert "2 / 5 answered" in str(parents[0]["blocks"])  # the count, updated


def check_participation(week: Week) -> None:
    """Late, excused, missed and the deactivated rep, as the audit will read them."""
    with week.database.session_factory() as session:
        program = session.get_one(Program, week.world.program_id)
        rows = participation(session=session, program=program, now=utc(2027, 3, 20)).rows
    status = {(r.name.split()[0], r.number): (r.status, r.late) for r in rows}
    assert status["Lena", 1] == (Status.ANSWERED, True)
    assert status["Olivia", 1] == (Status.EXCUSED, False)
    assert status["Aroha", 1] == (Status.MISSED, False)
    assert status["Ana", 1] == (Status.MISSED, False)
    assert {day for name, day in status if name == "Ana"} == {1, 2}
    assert sum(s is Status.ANSWERED for s, _ in status.values()) == 2 + 5 + 4 * 3
