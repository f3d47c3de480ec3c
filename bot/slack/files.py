"""Reading a file someone shared with the app (a modal's file_input): files.info, then the
private download with the bot token."""

from __future__ import annotations

import urllib.error
import urllib.request

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.errors import InvalidInput
from bot.services.roster_csv import MAX_BYTES

TIMEOUT = 30.0


def download_shared_file(client: WebClient, file_id: str, *, max_bytes: int = MAX_BYTES) -> bytes:
    """The file's bytes. The URL comes from files.info, so the token only ever goes to Slack."""
    try:
        info = client.files_info(file=file_id)["file"]
    except SlackApiError as exc:
        raise InvalidInput(f"Slack could not give kickoff-bot the file "
                           f"({exc.response.get('error')}); please upload it again.") from None
    if int(info.get("size") or 0) > max_bytes:
        raise InvalidInput(f"The file is larger than {max_bytes / 1_000_000:g} MB; a roster "
                           "is one line per person.")
    request = urllib.request.Request(
        str(info["url_private_download"]), headers={"Authorization": f"Bearer {client.token}"}
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            if "text/html" in response.headers.get("Content-Type", ""):
                raise InvalidInput("Slack answered with a web page instead of the file; "
                                   "the app may lack the files:read scope.")
            content: bytes = response.read(max_bytes + 1)
    except urllib.error.URLError as exc:
        raise InvalidInput(f"The file could not be downloaded ({exc}); please try again.") \
            from None
    if len(content) > max_bytes:
        raise InvalidInput(f"The file is larger than {max_bytes / 1_000_000:g} MB.")
    return content
