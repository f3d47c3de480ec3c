"""Helpers for certification tests through signed requests: the world, a certification, taking
an attempt as Slack would (picking options by the text shown), reviewing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from bot.domain.certification.cert_file import read_certification
from bot.fakeslack import FakeSlack, SignedSender, SlackResponse
from bot.ids import ActionId, CallbackId, CertField
from bot.services.certification.create import create_certification
from db.models import Certification, CertificationAttempt, Person, Program
from tests.blockkit import assert_valid_view
from tests.databases import Database
from tests.handlers.surveys import add_slack_people
from tests.services.surveys.world import World, make_world

Json = dict[str, Any]
ALL_WEEK = (1, 2, 3, 4, 5, 6, 7)
# The world's kickoff is Monday 11 January 2027: the pre-event window runs 28 Dec to 9 Jan.
IN_PRE_EVENT = datetime(2027, 1, 4, 10, tzinfo=UTC)
IN_POST_EVENT = datetime(2027, 1, 15, 10, tzinfo=UTC)  # T+4
RIGHT = {"Which tier includes SSO?": "Enterprise", "How long is the trial?": "14 days",
         "Who signs the order form?": "The economic buyer"}
PRE_EVENT = """\
name: Pricing pre-cert
stage: pre-event
attempts: 3
pass: 100
questions:
  - question: Which tier includes SSO?
    options: [Starter, Team, Enterprise]
    answer: Enterprise
  - question: How long is the trial?
    options: [7 days, 14 days, 30 days]
    answer: 14 days
  - question: Who signs the order form?
    options: [The champion, The economic buyer, Legal]
    answer: The economic buyer
"""
TALK_TRACK = """\
name: Pitch certification
stage: post-event
attempts: 2
talk_track: Pitch the new pricing in three minutes; submit the recording's link.
talk_track_pass: 4
dimensions: [value_articulation, objection_handling]
"""
SPOTCHECK = """\
name: Day-100 SpotCheck
stage: spotcheck
attempts: 1
talk_track: Deliver the pricing pitch again and submit the recording's link.
"""


@dataclass(frozen=True)
class Taken:
    """What one attempt showed and how Slack answered its submission."""

    view: Json
    reply: SlackResponse


def certification_world(database: Database, fake: FakeSlack, reps: int = 4) -> World:
    """The survey tests' world (one manager, enablement, an outsider), reps working every day."""
    with database.session_factory.begin() as session:
        world = make_world(session, reps=reps, working_days=ALL_WEEK)
    add_slack_people(fake, world)
    return world


def add_certification(database: Database, world: World, text: str, now: datetime) -> int:
    """A certification from the shell; its id."""
    with database.session_factory.begin() as session:
        program = session.get(Program, world.program_id)
        assert program is not None
        return create_certification(session=session, program=program,
                                    spec=read_certification(text), actor=None, now=now).id


def start(slack: SignedSender, fake: FakeSlack, user_id: str, certification_id: int) -> Json:
    """Click Start in the DM as `user_id`; the attempt modal Slack was asked to open."""
    before = len(fake.calls_to("views.open"))
    assert slack.action(user_id=user_id, action_id=ActionId.CERT_START,
                        value=str(certification_id), channel_id="D1").status == 200
    fake.wait_for(lambda: len(fake.calls_to("views.open")) > before)
    view: Json = fake.calls_to("views.open")[-1].params["view"]
    assert_valid_view(view)
    return view


def picks(view: Json, *, right: bool) -> dict[str, Json]:
    """The modal's state picking, for each question, the right option (or a wrong one), found
    by the text shown, as a person would."""
    state: dict[str, Json] = {}
    for block in view["blocks"]:
        if block["type"] != "input" or not block["block_id"].startswith("q"):
            continue
        wanted = RIGHT[block["label"]["text"]]
        options = block["element"]["options"]
        option = next(o for o in options if (o["text"]["text"] == wanted) is right)
        state[block["block_id"]] = {ActionId.CERT_INPUT: {
            "type": "static_select", "selected_option": {"value": option["value"]}}}
    return state


def take(slack: SignedSender, fake: FakeSlack, user_id: str, certification_id: int, *,
         right: bool, recording: str | None = None) -> Taken:
    """Start and submit one attempt, all right or all wrong."""
    view = start(slack, fake, user_id, certification_id)
    state = picks(view, right=right)
    if recording is not None:
        state[CertField.RECORDING] = {ActionId.CERT_INPUT: {"type": "url_text_input",
                                                            "value": recording}}
    reply = slack.view_submission(user_id=user_id, callback_id=CallbackId.CERT_ATTEMPT,
                                  values=state, private_metadata=view["private_metadata"])
    return Taken(view, reply)


def review(slack: SignedSender, user_id: str, attempt_id: int, scores: dict[str, str],
           verdict: str, feedback: str = "") -> SlackResponse:
    """Submit the review modal as `user_id`."""
    values: dict[str, Json] = {f"score_{name}": {ActionId.CERT_INPUT: {
        "type": "static_select", "selected_option": {"value": score}}}
        for name, score in scores.items()}
    values[CertField.VERDICT] = {ActionId.CERT_INPUT: {"type": "radio_buttons",
                                                       "selected_option": {"value": verdict}}}
    values[CertField.FEEDBACK] = {ActionId.CERT_INPUT: {"type": "plain_text_input",
                                                        "value": feedback}}
    return slack.view_submission(user_id=user_id, callback_id=CallbackId.CERT_REVIEW,
                                 values=values, private_metadata=str(attempt_id))


def latest_attempt(database: Database, user_id: str) -> CertificationAttempt:
    """The person's latest attempt."""
    with database.session_factory() as session:
        attempt = session.scalars(
            select(CertificationAttempt).join(Person, Person.id == CertificationAttempt.person_id)
            .where(Person.slack_user_id == user_id).order_by(CertificationAttempt.id.desc())
        ).first()
        assert attempt is not None
        session.expunge(attempt)
        return attempt


def certification_named(database: Database, name: str) -> Certification:
    """The certification of that name."""
    with database.session_factory() as session:
        found = session.scalars(select(Certification).where(Certification.name == name)).one()
        session.expunge(found)
        return found
