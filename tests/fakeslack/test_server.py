"""The fake Slack server, driven by the real slack_sdk WebClient over HTTP."""

from __future__ import annotations

import json
import threading
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.signature import SignatureVerifier

from bot.clock import Clock
from bot.fakeslack import FakeSlack, SignedSender
from bot.verify import EpochSeconds

SECRET = "shh-signing-secret"


@pytest.fixture
def fake(fake_slack: FakeSlack) -> FakeSlack:
    """The fake with one member, Ana, in one channel the bot is in."""
    fake_slack.add_user(
        "U1", name="ana", real_name="Ana Ruiz", email="ana@example.com", tz="Europe/Berlin"
    )
    fake_slack.add_channel("C1", "kickoff-standups", members=["U1"])
    return fake_slack


@pytest.fixture
def client(fake: FakeSlack) -> WebClient:
    """A real WebClient on the fake, with the bot's token."""
    return WebClient(token=fake.bot_token, base_url=fake.api_url)


def error_of(call: Callable[..., Any], **kwargs: Any) -> str:
    """The Slack error code a WebClient call fails with."""
    with pytest.raises(SlackApiError) as caught:
        call(**kwargs)
    return str(caught.value.response["error"])


def test_a_post_to_a_user_id_lands_in_their_dm_with_its_metadata(
    fake: FakeSlack, client: WebClient
) -> None:
    metadata = {"event_type": "standup_prompt", "event_payload": {"day": 3}}
    posted = client.chat_postMessage(channel="U1", text="How did it go?", metadata=metadata)

    assert posted["channel"] == fake.dm_channel("U1")
    plain = client.conversations_history(channel=posted["channel"])
    assert "metadata" not in plain["messages"][0]
    full = client.conversations_history(channel=posted["channel"], include_all_metadata=True)
    assert full["messages"][0]["metadata"] == metadata
    assert fake.messages(posted["channel"])[0]["text"] == "How did it go?"


def test_history_is_newest_first_and_paginates(fake: FakeSlack, client: WebClient) -> None:
    stamps = [client.chat_postMessage(channel="C1", text=str(n))["ts"] for n in range(3)]
    assert stamps == sorted(stamps)

    first = client.conversations_history(channel="C1", limit=2)
    rest = client.conversations_history(
        channel="C1", limit=2, cursor=first["response_metadata"]["next_cursor"]
    )
    assert [m["text"] for m in first["messages"] + rest["messages"]] == ["2", "1", "0"]
    assert first["has_more"]
    assert not rest["has_more"]
    after_first = client.conversations_history(channel="C1", oldest=stamps[0])
    assert [m["text"] for m in after_first["messages"]] == ["2", "1"]
    up_to_first = client.conversations_history(channel="C1", latest=stamps[0], inclusive=True)
    assert [m["text"] for m in up_to_first["messages"]] == ["0"]


def test_thread_replies_come_back_after_their_parent(fake: FakeSlack, client: WebClient) -> None:
    parent = client.chat_postMessage(channel="C1", text="Standup thread")["ts"]
    for text in ("first", "second"):
        client.chat_postMessage(channel="C1", text=text, thread_ts=parent)

    thread = client.conversations_replies(channel="C1", ts=parent)
    assert [m["text"] for m in thread["messages"]] == ["Standup thread", "first", "second"]
    assert fake.messages("C1")[0]["reply_count"] == 2
    assert [m["text"] for m in fake.replies("C1", parent)] == ["first", "second"]
    assert error_of(client.chat_postMessage, channel="C1", text="x", thread_ts="1.2") == (
        "thread_not_found"
    )


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"channel": "C404", "text": "x"}, "channel_not_found"),
        ({"channel": "CARCHIVED", "text": "x"}, "is_archived"),
        ({"channel": "COUTSIDE", "text": "x"}, "not_in_channel"),
        pytest.param(
            {"channel": "C1"},
            "no_text",
            marks=pytest.mark.filterwarnings("ignore:The top-level `text`:UserWarning"),
        ),
        ({"channel": "C1", "text": "x" * 40_001}, "msg_too_long"),
        ({"channel": "C1", "text": "x", "metadata": {"event_type": 1}}, "invalid_metadata_format"),
    ],
)
def test_posts_slack_would_refuse_are_refused(
    fake: FakeSlack, client: WebClient, kwargs: dict[str, Any], error: str
) -> None:
    fake.add_channel("CARCHIVED", "old", is_archived=True)
    fake.add_channel("COUTSIDE", "elsewhere", bot_is_member=False)
    assert error_of(client.chat_postMessage, **kwargs) == error
    assert fake.messages("C1") == []


def test_a_3001_character_section_is_invalid_blocks(client: WebClient) -> None:
    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": "x" * 3001}}]
    with pytest.raises(SlackApiError) as caught:
        client.chat_postMessage(channel="C1", text="fallback", blocks=blocks)
    assert caught.value.response["error"] == "invalid_blocks"
    assert "/blocks/0/text" in caught.value.response["response_metadata"]["messages"][0]


def test_update_and_delete_change_what_history_shows(fake: FakeSlack, client: WebClient) -> None:
    ts = client.chat_postMessage(channel="C1", text="draft")["ts"]
    client.chat_update(channel="C1", ts=ts, text="final")
    assert fake.messages("C1")[0]["text"] == "final"
    assert fake.messages("C1")[0]["edited"]["user"] == "UBOT"

    client.chat_delete(channel="C1", ts=ts)
    assert client.conversations_history(channel="C1")["messages"] == []
    assert error_of(client.chat_update, channel="C1", ts=ts, text="x") == "message_not_found"


def test_ephemeral_needs_a_member_of_the_channel(fake: FakeSlack, client: WebClient) -> None:
    fake.add_user("U2", name="ben")
    assert client.chat_postEphemeral(channel="C1", user="U1", text="psst")["message_ts"]
    assert error_of(client.chat_postEphemeral, channel="C1", user="U2", text="x") == (
        "user_not_in_channel"
    )
    assert fake.messages("C1") == []
    assert len(fake.calls_to("chat.postEphemeral")) == 2


def test_users_list_paginates_and_shows_time_zones(fake: FakeSlack, client: WebClient) -> None:
    for n in range(2, 5):
        fake.add_user(f"U{n}", name=f"user{n}", tz="Asia/Kolkata")
    ids, cursor = [], ""
    while True:
        page = client.users_list(limit=2, cursor=cursor)
        ids += [member["id"] for member in page["members"]]
        cursor = page["response_metadata"]["next_cursor"]
        if not cursor:
            break
    assert sorted(ids) == ["U1", "U2", "U3", "U4", "UBOT"]
    assert client.users_info(user="U3")["user"]["tz_offset"] == 5 * 3600 + 1800


def test_auth_test_and_conversations_describe_the_bot_and_its_dms(
    fake: FakeSlack, client: WebClient
) -> None:
    me = client.auth_test()
    assert (me["team_id"], me["user_id"], me["bot_id"]) == ("T0KICKOFF", "UBOT", "BUBOT")

    opened = client.conversations_open(users="U1")
    assert opened["channel"]["id"] == fake.dm_channel("U1")
    assert client.conversations_open(users="U1")["already_open"] is True
    assert client.conversations_info(channel="C1")["channel"]["is_member"] is True
    assert client.conversations_members(channel="C1")["members"] == ["U1", "UBOT"]

    fake.update_user("U1", deleted=True)
    assert error_of(client.conversations_open, users="U1") == "user_disabled"


def test_conversations_info_hides_private_channels_the_bot_is_not_in(
    fake: FakeSlack, client: WebClient
) -> None:
    fake.add_channel("GOPEN", "leaders", is_private=True)
    fake.add_channel("GSHUT", "board", is_private=True, bot_is_member=False)
    fake.add_channel("CNOBOT", "sales-floor", bot_is_member=False)

    assert client.conversations_info(channel="GOPEN")["channel"]["is_private"] is True
    assert error_of(client.conversations_info, channel="GSHUT") == "channel_not_found"
    assert client.conversations_info(channel="CNOBOT")["channel"]["is_member"] is False


def test_lookup_by_email_finds_members_and_misses_others(client: WebClient) -> None:
    assert client.users_lookupByEmail(email="ANA@example.com")["user"]["id"] == "U1"
    assert error_of(client.users_lookupByEmail, email="nobody@example.com") == "users_not_found"


def test_a_wrong_or_missing_token_is_refused(fake: FakeSlack) -> None:
    wrong = WebClient(token="xoxb-wrong", base_url=fake.api_url)
    assert error_of(wrong.auth_test) == "invalid_auth"
    assert error_of(WebClient(base_url=fake.api_url).auth_test) == "not_authed"


def test_an_unknown_method_is_named_as_such(client: WebClient) -> None:
    assert error_of(client.api_call, api_method="chat.postMesage") == "unknown_method"


def test_form_bodies_with_json_string_blocks_are_understood(fake: FakeSlack) -> None:
    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": "*hi*"}}]
    form = {"token": fake.bot_token, "channel": "C1", "blocks": json.dumps(blocks)}
    body = urllib.parse.urlencode(form).encode()
    with urllib.request.urlopen(fake.api_url + "chat.postMessage", data=body) as response:
        assert json.load(response)["ok"] is True
    assert fake.messages("C1")[0]["blocks"] == blocks
    assert "token" not in fake.calls_to("chat.postMessage")[0].params


def test_views_open_update_and_publish(fake: FakeSlack, client: WebClient) -> None:
    modal = {"type": "modal", "title": {"type": "plain_text", "text": "Standup"}, "blocks": []}
    trigger = fake.trigger_id()
    opened = client.views_open(trigger_id=trigger, view=modal)["view"]
    assert error_of(client.views_open, trigger_id=trigger, view=modal) == "exchanged_trigger_id"

    changed = {**modal, "private_metadata": "day-3"}
    client.views_update(view_id=opened["id"], hash=opened["hash"], view=changed)
    assert fake.views[opened["id"]]["private_metadata"] == "day-3"
    stale = {"view_id": opened["id"], "hash": opened["hash"], "view": modal}
    assert error_of(client.views_update, **stale) == "hash_conflict"

    home = {"type": "home", "blocks": [{"type": "divider"}] * 3}
    client.views_publish(user_id="U1", view=home)
    assert fake.home("U1") is not None
    assert fake.home("U1")["blocks"] == home["blocks"]  # type: ignore[index]
    too_big = {"type": "home", "blocks": [{"type": "divider"}] * 101}
    assert error_of(client.views_publish, user_id="U1", view=too_big) == "invalid_arguments"


def test_files_upload_v2_round_trip(fake: FakeSlack, client: WebClient) -> None:
    uploaded = client.files_upload_v2(
        content=b"email;role\n", filename="roster.csv", title="Roster", channel="C1"
    )
    file_id = uploaded["file"]["id"]
    assert fake.files[file_id] == {
        "title": "Roster",
        "filename": "roster.csv",
        "content": b"email;role\n",
        "channels": ["C1"],
    }
    assert uploaded["file"]["permalink"].startswith(fake.base_url)


def test_response_urls_record_what_is_posted(fake: FakeSlack) -> None:
    body = json.dumps({"text": "Done", "response_type": "ephemeral"}).encode()
    request = urllib.request.Request(
        fake.response_url(), data=body, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request) as response:
        assert json.load(response) == {"ok": True}
    assert fake.responses == [{"text": "Done", "response_type": "ephemeral"}]


def test_wait_for_names_the_calls_seen_when_it_gives_up(fake: FakeSlack, client: WebClient) -> None:
    client.auth_test()
    with pytest.raises(AssertionError, match=r"auth\.test"):
        fake.wait_for(lambda: bool(fake.responses), timeout=0.05)


class _Receiver(BaseHTTPRequestHandler):
    """An app endpoint that checks signatures with slack_sdk's own verifier."""

    server: _App

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        verifier = SignatureVerifier(SECRET, clock=EpochSeconds(self.server.clock))
        valid = verifier.is_valid_request(body, dict(self.headers))
        self.server.received.append((dict(self.headers), body))
        self.send_response(200 if valid else 401)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""


class _App(ThreadingHTTPServer):
    received: list[tuple[dict[str, str], bytes]]
    clock: Clock  # Slack's, which signs: the app's clock agrees with it


@pytest.fixture
def sender(fake: FakeSlack) -> Iterator[tuple[SignedSender, _App]]:
    """A SignedSender aimed at a verifying endpoint, and that endpoint."""
    app = _App(("127.0.0.1", 0), _Receiver)
    app.received = []
    app.clock = fake.clock
    threading.Thread(target=app.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True).start()
    url = f"http://127.0.0.1:{app.server_address[1]}/slack/events"
    yield SignedSender(url=url, signing_secret=SECRET, fake=fake), app
    app.shutdown()
    app.server_close()


def test_signed_requests_pass_slacks_verifier(
    sender: tuple[SignedSender, _App], fake: FakeSlack
) -> None:
    slack, app = sender
    assert slack.command("/kickoff", "help", user_id="U1", channel_id="C1").status == 200
    form = dict(urllib.parse.parse_qsl(app.received[0][1].decode()))
    assert form["user_name"] == "ana"
    assert form["response_url"].startswith(fake.base_url)

    retry = slack.event({"type": "app_home_opened", "user": "U1"}, retry_num=1)
    assert retry.status == 200
    assert app.received[1][0]["X-Slack-Retry-Num"] == "1"


def test_forged_or_stale_signatures_fail_slacks_verifier(
    sender: tuple[SignedSender, _App],
) -> None:
    slack, _ = sender
    body = b'{"type": "event_callback"}'
    headers = {"Content-Type": "application/json"}
    assert slack.send_raw(body, headers, secret="not-the-secret").status == 401
    assert slack.send_raw(body, headers, timestamp=1_600_000_000).status == 401
