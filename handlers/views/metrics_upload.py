"""The App Home's metrics upload submitted: checked and acknowledged at once; the file is then
downloaded and imported (all rows or none) on a background thread, and the result sent by DM."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.metrics_upload import build_importing_view, read_metrics_upload
from bot.blocks.text import escape
from bot.deps import Deps, deps_of
from bot.errors import KickoffError
from bot.ids import ActionId
from bot.services.metrics.csv_import import import_metrics_csv
from bot.services.metrics.settings import settings_form
from bot.slack.files import download_shared_file
from handlers.background import in_background

NO_FILE = "Choose the CSV file of metric values."
MAX_DM = 3000  # a file with thousands of bad rows: the first of them, and how many more


def handle_metrics_upload_submission(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """Refuse anyone but the program's enablement and admins; else import in the background."""
    program_id, file_id = read_metrics_upload(view)
    if file_id is None:
        ack(response_action="errors", errors={ActionId.METRICS_FILE: NO_FILE})
        return
    deps = deps_of(context)
    user_id = body["user"]["id"]
    with deps.session_factory() as session:  # refused before anything is downloaded
        settings_form(session=session, program_id=program_id, actor_user_id=user_id)
    ack(response_action="update", view=build_importing_view())
    in_background(lambda: _import(client, deps, program_id, user_id, file_id))


def _import(client: WebClient, deps: Deps, program_id: int, user_id: str, file_id: str) -> None:
    try:
        content = download_shared_file(client, file_id)
        with deps.session_factory.begin() as session:
            program, _ = settings_form(session=session, program_id=program_id,
                                       actor_user_id=user_id)
            report = import_metrics_csv(session=session, program=program, content=content,
                                        now=deps.clock.now())
            text = f"Metric values of {program.name!r} imported: {report}."
    except KickoffError as error:
        text = str(error)
    if len(text) > MAX_DM:
        text = text[:MAX_DM].rsplit("\n", 1)[0] + "\n…and more; fix these first."
    client.chat_postMessage(channel=user_id, text=escape(text))
