"""The "Review" button of a talk-track: the review modal, for its reviewer only."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.blocks.certification.modals import build_review_modal
from bot.blocks.metadata import read_int
from bot.deps import deps_of
from bot.domain.certification.definition import scored_dimensions
from bot.services.certification.review import attempt_to_review
from db.models import CertificationStage


def handle_cert_review_action(
    ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient,
    context: BoltContext,
) -> None:
    """Open the review modal; the rep themself or anyone else is refused."""
    ack()
    deps = deps_of(context)
    with deps.session_factory() as session:
        found = attempt_to_review(session=session, attempt_id=read_int(action.get("value")),
                                  slack_user_id=body["user"]["id"])
        certification = found.certification
        view = build_review_modal(
            attempt_id=found.attempt.id, rep_name=found.rep.name,
            prompt=certification.talk_track or "", link=found.attempt.recording_url or "",
            dimensions=scored_dimensions(certification.dimensions),
            spotcheck=certification.stage is CertificationStage.SPOTCHECK)
    client.views_open(trigger_id=body["trigger_id"], view=view)
