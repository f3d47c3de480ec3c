"""Checks the methods share: the conversation or member a call names, and blocks Slack accepts."""

from __future__ import annotations

from typing import Any

from bot.fakeslack.methods.params import ApiError, Params, str_param
from bot.fakeslack.workspace import Json, Workspace

MAX_MESSAGE_BLOCKS = 50
# Text limits of the block types whose overflow Slack answers with invalid_blocks.
TEXT_LIMITS = {"section": 3000, "context": 3000, "header": 150}


def conversation(ws: Workspace, params: Params, *, user_means_dm: bool = False) -> Json:
    """The conversation a `channel` param names; a user id may stand for the bot's DM."""
    channel_id = str_param(params, "channel")
    user_id = channel_id[1:] if channel_id.startswith("D") else channel_id
    if (channel_id.startswith("D") or user_means_dm) and user_id in ws.users:
        channel_id = ws.open_dm(user_id)
    if channel_id not in ws.channels:
        raise ApiError("channel_not_found")
    return ws.channels[channel_id]


def writable(ws: Workspace, params: Params, *, user_means_dm: bool = False) -> Json:
    """The conversation to post into, refusing archived ones and those the bot is not in."""
    channel = conversation(ws, params, user_means_dm=user_means_dm)
    if channel["is_archived"]:
        raise ApiError("is_archived")
    if not channel["bot_is_member"]:
        raise ApiError("not_in_channel")
    return channel


def readable(ws: Workspace, params: Params) -> Json:
    """The conversation to read, refusing channels the bot is not in."""
    channel = conversation(ws, params)
    if not channel["bot_is_member"]:
        raise ApiError("not_in_channel")
    return channel


def user(ws: Workspace, user_id: str) -> Json:
    """A member by id, or user_not_found."""
    if user_id not in ws.users:
        raise ApiError("user_not_found")
    return ws.users[user_id]


def check_blocks(
    blocks: Any,
    *,
    limit: int = MAX_MESSAGE_BLOCKS,
    where: str = "blocks",
    error: str = "invalid_blocks",
) -> None:
    """Refuse blocks Slack would refuse: malformed, too many, or text over its limit."""
    if not isinstance(blocks, list) or not all(isinstance(b, dict) and "type" in b for b in blocks):
        raise ApiError(error, f"[ERROR] must be a list of blocks [json-pointer:/{where}]")
    if len(blocks) > limit:
        raise ApiError(error, f"[ERROR] no more than {limit} items allowed [json-pointer:/{where}]")
    for i, block in enumerate(blocks):
        most = TEXT_LIMITS.get(block["type"])
        if most is None:
            continue
        for pointer, text in _text_objects(block):
            if len(str(text.get("text", ""))) > most:
                raise ApiError(
                    error,
                    f"[ERROR] must be less than {most + 1} characters "
                    f"[json-pointer:/{where}/{i}/{pointer}/text]",
                )


def _text_objects(block: Json) -> list[tuple[str, Json]]:
    """The text objects of a block with their json-pointer, as Slack reports them."""
    found = [("text", block.get("text"))]
    for key in ("fields", "elements"):
        found += [(f"{key}/{j}", item) for j, item in enumerate(block.get(key) or [])]
    return [(pointer, text) for pointer, text in found if isinstance(text, dict)]
