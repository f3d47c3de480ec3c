"""chat.postMessage, chat.update, chat.postEphemeral and chat.delete."""

from __future__ import annotations

from typing import Any

from bot.fakeslack.methods.checks import check_blocks, conversation, user, writable
from bot.fakeslack.methods.objects import message_object
from bot.fakeslack.methods.params import ApiError, Params, str_param
from bot.fakeslack.workspace import Json, Workspace

MAX_TEXT = 40_000


def chat_post_message(ws: Workspace, params: Params) -> Json:
    """chat.postMessage: a user id as channel posts into the bot's DM with them, as in Slack."""
    channel = writable(ws, params, user_means_dm=True)
    _check_content(params)
    thread_ts = str_param(params, "thread_ts")
    if thread_ts:
        parent = ws.by_ts.get((channel["id"], thread_ts))
        if parent is None:
            raise ApiError("thread_not_found")
        thread_ts = parent["thread_ts"] or parent["ts"]
    message = {
        "ts": ws.next_ts(),
        "user": ws.bot_user_id,
        "text": str_param(params, "text"),
        "blocks": params.get("blocks"),
        "metadata": params.get("metadata"),
        "thread_ts": thread_ts or None,
        "reply_count": 0,
        "edited": None,
    }
    ws.post(channel["id"], message)
    return {
        "ok": True,
        "channel": channel["id"],
        "ts": message["ts"],
        "message": message_object(ws, channel["id"], message, metadata=True),
    }


def chat_update(ws: Workspace, params: Params) -> Json:
    """chat.update: replace the text, blocks or metadata of a message."""
    channel = writable(ws, params)
    message = _message(ws, channel, params)
    _check_content(params)
    for key in ("text", "blocks", "metadata"):
        if params.get(key) is not None:
            message[key] = params[key]
    message["edited"] = {"user": ws.bot_user_id, "ts": ws.next_ts()}
    return {
        "ok": True,
        "channel": channel["id"],
        "ts": message["ts"],
        "text": message["text"],
        "message": message_object(ws, channel["id"], message, metadata=True),
    }


def chat_post_ephemeral(ws: Workspace, params: Params) -> Json:
    """chat.postEphemeral: shown to one member of the channel; only the call is kept."""
    channel = writable(ws, params)
    member = user(ws, str_param(params, "user"))
    if member["id"] not in channel["members"]:
        raise ApiError("user_not_in_channel")
    _check_content(params)
    return {"ok": True, "message_ts": ws.next_ts()}


def chat_delete(ws: Workspace, params: Params) -> Json:
    """chat.delete: remove a message (and its thread, if it is a parent)."""
    channel = conversation(ws, params)
    message = _message(ws, channel, params)
    ws.delete(channel["id"], message)
    return {"ok": True, "channel": channel["id"], "ts": message["ts"]}


def _message(ws: Workspace, channel: Json, params: Params) -> Json:
    message = ws.by_ts.get((channel["id"], str_param(params, "ts")))
    if message is None:
        raise ApiError("message_not_found")
    return message


def _check_content(params: Params) -> None:
    """The checks of what chat.postMessage, .update and .postEphemeral send."""
    text, blocks = str_param(params, "text"), params.get("blocks")
    if not text and not blocks:
        raise ApiError("no_text")
    if len(text) > MAX_TEXT:
        raise ApiError("msg_too_long")
    if blocks is not None:
        check_blocks(blocks)
    _check_metadata(params.get("metadata"))


def _check_metadata(metadata: Any) -> None:
    if metadata is None:
        return
    if not (
        isinstance(metadata, dict)
        and isinstance(metadata.get("event_type"), str)
        and isinstance(metadata.get("event_payload"), dict)
    ):
        raise ApiError("invalid_metadata_format")
