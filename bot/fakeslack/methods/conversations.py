"""conversations.open, .info, .members, .history and .replies."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from bot.fakeslack.methods.checks import conversation, readable, user
from bot.fakeslack.methods.objects import channel_object, message_object
from bot.fakeslack.methods.params import ApiError, Params, flag_param, paginate, str_param
from bot.fakeslack.workspace import Json, Workspace, dm_id_for


def conversations_open(ws: Workspace, params: Params) -> Json:
    """conversations.open: the bot's DM with one member (group DMs are not faked)."""
    user_ids = [u for u in str_param(params, "users").split(",") if u]
    if not user_ids:
        raise ApiError("users_list_not_supplied")
    if len(user_ids) > 1:
        raise ApiError("not_implemented", "[ERROR] the fake opens 1:1 DMs only")
    if user(ws, user_ids[0])["deleted"]:
        raise ApiError("user_disabled")
    already_open = dm_id_for(user_ids[0]) in ws.channels
    body: Json = {"ok": True, "channel": {"id": ws.open_dm(user_ids[0])}}
    if already_open:
        body.update(no_op=True, already_open=True)
    return body


def conversations_info(ws: Workspace, params: Params) -> Json:
    """conversations.info: one conversation; a private channel the bot is not in is, as in
    Slack, not found."""
    channel = conversation(ws, params)
    if channel["is_private"] and not channel["bot_is_member"]:
        raise ApiError("channel_not_found")
    return {"ok": True, "channel": channel_object(ws, channel)}


def conversations_members(ws: Workspace, params: Params) -> Json:
    """conversations.members: member ids, the bot's included when it is in the channel."""
    channel = conversation(ws, params)
    members = list(channel["members"])
    if channel["bot_is_member"] and ws.bot_user_id not in members:
        members.append(ws.bot_user_id)
    page, cursor = paginate(members, params, default_limit=100)
    return {"ok": True, "members": page, "response_metadata": cursor}


def conversations_history(ws: Workspace, params: Params) -> Json:
    """conversations.history: top-level messages, newest first."""
    channel = readable(ws, params)
    newest_first = list(reversed(ws.history[channel["id"]]))
    return page_of_messages(ws, channel["id"], newest_first, params)


def conversations_replies(ws: Workspace, params: Params) -> Json:
    """conversations.replies: the parent, then its replies oldest first."""
    channel = readable(ws, params)
    message = ws.by_ts.get((channel["id"], str_param(params, "ts")))
    if message is None:
        raise ApiError("thread_not_found")
    parent = ws.by_ts[channel["id"], message["thread_ts"] or message["ts"]]
    thread = [parent, *ws.threads.get((channel["id"], parent["ts"]), [])]
    return page_of_messages(ws, channel["id"], thread, params)


def page_of_messages(ws: Workspace, channel_id: str, messages: list[Json], params: Params) -> Json:
    """Filter by oldest/latest, paginate and render, as history and replies both do."""
    page, cursor = paginate(_between(messages, params), params, default_limit=100)
    with_metadata = flag_param(params, "include_all_metadata")
    return {
        "ok": True,
        "messages": [message_object(ws, channel_id, m, metadata=with_metadata) for m in page],
        "has_more": bool(cursor["next_cursor"]),
        "response_metadata": cursor,
    }


def _between(messages: list[Json], params: Params) -> list[Json]:
    """The messages after `oldest` and before `latest`, bounds included if `inclusive`."""
    if not (str_param(params, "oldest") or str_param(params, "latest")):
        return messages  # the common case costs no parsing of every ts
    oldest, latest = _ts(params, "oldest", "0"), _ts(params, "latest", "Infinity")
    if flag_param(params, "inclusive"):
        return [m for m in messages if oldest <= Decimal(m["ts"]) <= latest]
    return [m for m in messages if oldest < Decimal(m["ts"]) < latest]


def _ts(params: Params, key: str, default: str) -> Decimal:
    # Decimal, not float: sixteen significant digits are at the edge of a float's precision.
    try:
        return Decimal(str_param(params, key) or default)
    except InvalidOperation:
        raise ApiError(f"invalid_ts_{key}") from None
