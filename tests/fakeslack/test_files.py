"""The fake serves files members share (a modal's file_input): files.info and the private
download, to the bot token only."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.errors import InvalidInput
from bot.fakeslack import FakeSlack
from bot.slack.files import download_shared_file


def fetch(url: str, token: str | None) -> tuple[int, bytes]:
    """GET `url`, with the token as a bearer if given."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_a_shared_file_is_described_and_downloaded_with_the_bot_token_only(
    fake_slack: FakeSlack, slack_client: WebClient
) -> None:
    fake_slack.add_user("UADMIN")
    shared = fake_slack.add_file(user="UADMIN", name="roster.csv", content=b"email,role\n")
    info = slack_client.files_info(file=shared["id"])["file"]
    assert (info["name"], info["size"], info["user"]) == ("roster.csv", 11, "UADMIN")
    url = info["url_private_download"]
    assert fetch(url, "xoxb-fake") == (200, b"email,role\n")
    assert fetch(url, None)[0] == 403
    assert fetch(url, "xoxb-other")[0] == 403
    assert fetch(url.replace("roster.csv", "other.csv"), "xoxb-fake")[0] == 404
    assert download_shared_file(slack_client, shared["id"]) == b"email,role\n"


def test_an_unknown_or_too_large_file_is_refused_clearly(
    fake_slack: FakeSlack, slack_client: WebClient
) -> None:
    with pytest.raises(SlackApiError):
        slack_client.files_info(file="FNOPE")
    with pytest.raises(InvalidInput, match="file_not_found"):
        download_shared_file(slack_client, "FNOPE")
    fake_slack.add_user("UADMIN")
    shared = fake_slack.add_file(user="UADMIN", name="big.csv", content=b"x" * 2000)
    with pytest.raises(InvalidInput, match="larger than"):
        download_shared_file(slack_client, shared["id"], max_bytes=1000)
