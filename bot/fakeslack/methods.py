"""The Web API methods the fake serves: request params in, Slack-shaped response body out."""

from __future__ import annotations

import base64
import binascii
import mimetypes
import time
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from bot.fakeslack.workspace import Json, Workspace, dm_id_for

T = TypeVar("T")
Params = dict[str, Any]
Method = Callable[[Workspace, Params], Json]

MAX_TEXT = 40_000
MAX_MESSAGE_BLOCKS = 50
MAX_VIEW_BLOCKS = 100
# Text limits of the block types whose overflow Slack answers with invalid_blocks.
TEXT_LIMITS = {"section": 3000, "context": 3000, "header": 150}


class ApiError(Exception):
    """A Slack error answer: HTTP 200 with {"ok": false, "error": ...}."""

    def __init__(self, error: str, *messages: str) -> None:
        super().__init__(error)
        self.error = error
        self.messages = messages

    def body(self) -> Json:
        """The response body Slack would send."""
        body: Json = {"ok": False, "error": self.error}
        if self.messages:
            body["response_metadata"] = {"messages": list(self.messages)}
        return body


# -- params --------------------------------------------------------------------------------


def _str(params: Params, key: str) -> str:
    value = params.get(key)
    return "" if value is None else str(value)


def _flag(params: Params, key: str) -> bool:
    return str(params.get(key, "")).lower() in ("1", "true")


def _int(params: Params, key: str, default: int) -> int:
    try:
        return int(params.get(key) or default)
    except (TypeError, ValueError):
        raise ApiError("invalid_arguments", f"[ERROR] {key} must be an integer") from None


def _page(items: list[T], params: Params, *, default_limit: int) -> tuple[list[T], Json]:
    """Cut one page out of `items` the way Slack's cursor pagination does."""
    start = 0
    if cursor := _str(params, "cursor"):
        try:
            start = int(base64.b64decode(cursor, validate=True).decode().removeprefix("next:"))
        except (binascii.Error, UnicodeDecodeError, ValueError):
            raise ApiError("invalid_cursor") from None
    end = start + max(1, _int(params, "limit", default_limit))
    next_cursor = base64.b64encode(f"next:{end}".encode()).decode() if end < len(items) else ""
    return items[start:end], {"next_cursor": next_cursor}


# -- objects -------------------------------------------------------------------------------


def user_object(ws: Workspace, user: Json) -> Json:
    """A user as users.info shows it, with the time zone offset as of now."""
    now = datetime.now(ZoneInfo(user["tz"]))
    offset = now.utcoffset()
    profile = {"real_name": user["real_name"], "display_name": user["name"], "team": ws.team_id}
    if user["email"]:
        profile["email"] = user["email"]
    return {
        **{key: value for key, value in user.items() if key != "email"},
        "team_id": ws.team_id,
        "tz_label": now.tzname(),
        "tz_offset": int(offset.total_seconds()) if offset else 0,
        "profile": profile,
    }


def channel_object(ws: Workspace, channel: Json) -> Json:
    """A conversation as conversations.info shows it."""
    if channel["is_im"]:
        deleted = ws.users.get(channel["user"], {}).get("deleted", False)
        return {
            "id": channel["id"],
            "is_im": True,
            "user": channel["user"],
            "created": channel["created"],
            "is_user_deleted": deleted,
            "is_open": True,
        }
    private = channel["is_private"]
    return {
        "id": channel["id"],
        "name": channel["name"],
        "name_normalized": channel["name"],
        "is_channel": not private,
        "is_group": private,
        "is_im": False,
        "is_mpim": False,
        "is_private": private,
        "is_archived": channel["is_archived"],
        "is_member": channel["bot_is_member"],
        "created": channel["created"],
        "num_members": len(channel["members"]) + channel["bot_is_member"],
    }


def message_object(ws: Workspace, channel_id: str, message: Json, *, metadata: bool) -> Json:
    """A message as history and replies show it; metadata only when asked for, as in Slack."""
    out: Json = {
        "type": "message",
        "user": message["user"],
        "text": message["text"],
        "ts": message["ts"],
        "team": ws.team_id,
        "bot_id": ws.bot_id,  # only the bot posts in the fake
        "app_id": ws.app_id,
    }
    for key in ("blocks", "thread_ts", "edited"):
        if message[key]:
            out[key] = message[key]
    if replies := ws.threads.get((channel_id, message["ts"])):
        out.update(
            reply_count=len(replies),
            latest_reply=replies[-1]["ts"],
            reply_users=sorted({reply["user"] for reply in replies}),
        )
    if metadata and message["metadata"]:
        out["metadata"] = message["metadata"]
    return out


# -- checks --------------------------------------------------------------------------------


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


def _check_metadata(metadata: Any) -> None:
    if metadata is None:
        return
    if not (
        isinstance(metadata, dict)
        and isinstance(metadata.get("event_type"), str)
        and isinstance(metadata.get("event_payload"), dict)
    ):
        raise ApiError("invalid_metadata_format")


def _check_content(params: Params) -> None:
    """The checks chat.postMessage and chat.update share."""
    text, blocks = _str(params, "text"), params.get("blocks")
    if not text and not blocks:
        raise ApiError("no_text")
    if len(text) > MAX_TEXT:
        raise ApiError("msg_too_long")
    if blocks is not None:
        check_blocks(blocks)
    _check_metadata(params.get("metadata"))


def conversation(ws: Workspace, params: Params, *, user_means_dm: bool = False) -> Json:
    """The conversation a `channel` param names; a user id may stand for the bot's DM."""
    channel_id = _str(params, "channel")
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


def page_of_messages(ws: Workspace, channel_id: str, messages: list[Json], params: Params) -> Json:
    """Filter by oldest/latest, paginate and render, as history and replies both do."""
    page, cursor = _page(_between(messages, params), params, default_limit=100)
    with_metadata = _flag(params, "include_all_metadata")
    return {
        "ok": True,
        "messages": [message_object(ws, channel_id, m, metadata=with_metadata) for m in page],
        "has_more": bool(cursor["next_cursor"]),
        "response_metadata": cursor,
    }


def _between(messages: list[Json], params: Params) -> list[Json]:
    """The messages after `oldest` and before `latest`, bounds included if `inclusive`."""
    if not (_str(params, "oldest") or _str(params, "latest")):
        return messages  # the common case costs no parsing of every ts
    oldest, latest = _ts(params, "oldest", "0"), _ts(params, "latest", "Infinity")
    if _flag(params, "inclusive"):
        return [m for m in messages if oldest <= Decimal(m["ts"]) <= latest]
    return [m for m in messages if oldest < Decimal(m["ts"]) < latest]


def _ts(params: Params, key: str, default: str) -> Decimal:
    # Decimal, not float: sixteen significant digits are at the edge of a float's precision.
    try:
        return Decimal(_str(params, key) or default)
    except InvalidOperation:
        raise ApiError(f"invalid_ts_{key}") from None


# -- auth, team, users ---------------------------------------------------------------------


def auth_test(ws: Workspace, params: Params) -> Json:
    """auth.test: whom the token belongs to."""
    return {
        "ok": True,
        "url": f"https://{ws.team_domain}.slack.com/",
        "team": ws.team_name,
        "user": ws.users[ws.bot_user_id]["name"],
        "team_id": ws.team_id,
        "user_id": ws.bot_user_id,
        "bot_id": ws.bot_id,
        "is_enterprise_install": False,
    }


def team_info(ws: Workspace, params: Params) -> Json:
    """team.info: the workspace's name and domain."""
    return {
        "ok": True,
        "team": {
            "id": ws.team_id,
            "name": ws.team_name,
            "domain": ws.team_domain,
            "email_domain": "",
            "icon": {"image_default": True},
        },
    }


def users_info(ws: Workspace, params: Params) -> Json:
    """users.info: one member."""
    return {"ok": True, "user": user_object(ws, user(ws, _str(params, "user")))}


def users_lookup_by_email(ws: Workspace, params: Params) -> Json:
    """users.lookupByEmail: the member with that email, case-insensitively."""
    email = _str(params, "email").lower()
    for member in ws.users.values():
        if member["email"] and member["email"].lower() == email:
            return {"ok": True, "user": user_object(ws, member)}
    raise ApiError("users_not_found")


def users_list(ws: Workspace, params: Params) -> Json:
    """users.list: all members, the bot included; everything at once unless `limit` is set."""
    members = list(ws.users.values())
    page, cursor = _page(members, params, default_limit=max(len(members), 1))
    return {
        "ok": True,
        "members": [user_object(ws, m) for m in page],
        "cache_ts": int(time.time()),
        "response_metadata": cursor,
    }


# -- conversations -------------------------------------------------------------------------


def conversations_open(ws: Workspace, params: Params) -> Json:
    """conversations.open: the bot's DM with one member (group DMs are not faked)."""
    user_ids = [u for u in _str(params, "users").split(",") if u]
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
    """conversations.info: one conversation."""
    return {"ok": True, "channel": channel_object(ws, conversation(ws, params))}


def conversations_members(ws: Workspace, params: Params) -> Json:
    """conversations.members: member ids, the bot's included when it is in the channel."""
    channel = conversation(ws, params)
    members = list(channel["members"])
    if channel["bot_is_member"] and ws.bot_user_id not in members:
        members.append(ws.bot_user_id)
    page, cursor = _page(members, params, default_limit=100)
    return {"ok": True, "members": page, "response_metadata": cursor}


def conversations_history(ws: Workspace, params: Params) -> Json:
    """conversations.history: top-level messages, newest first."""
    channel = readable(ws, params)
    newest_first = list(reversed(ws.history[channel["id"]]))
    return page_of_messages(ws, channel["id"], newest_first, params)


def conversations_replies(ws: Workspace, params: Params) -> Json:
    """conversations.replies: the parent, then its replies oldest first."""
    channel = readable(ws, params)
    message = ws.by_ts.get((channel["id"], _str(params, "ts")))
    if message is None:
        raise ApiError("thread_not_found")
    parent = ws.by_ts[channel["id"], message["thread_ts"] or message["ts"]]
    thread = [parent, *ws.threads.get((channel["id"], parent["ts"]), [])]
    return page_of_messages(ws, channel["id"], thread, params)


# -- chat ----------------------------------------------------------------------------------


def chat_post_message(ws: Workspace, params: Params) -> Json:
    """chat.postMessage: a user id as channel posts into the bot's DM with them, as in Slack."""
    channel = writable(ws, params, user_means_dm=True)
    _check_content(params)
    thread_ts = _str(params, "thread_ts")
    if thread_ts:
        parent = ws.by_ts.get((channel["id"], thread_ts))
        if parent is None:
            raise ApiError("thread_not_found")
        thread_ts = parent["thread_ts"] or parent["ts"]
    message = {
        "ts": ws.next_ts(),
        "user": ws.bot_user_id,
        "text": _str(params, "text"),
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
    member = user(ws, _str(params, "user"))
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
    message = ws.by_ts.get((channel["id"], _str(params, "ts")))
    if message is None:
        raise ApiError("message_not_found")
    return message


# -- views ---------------------------------------------------------------------------------


def views_open(ws: Workspace, params: Params) -> Json:
    """views.open: open a modal, spending the trigger_id."""
    view = _view(params, kind="modal")
    _exchange_trigger(ws, params)
    return {"ok": True, "view": _store_view(ws, view, view_id=ws.new_id("V"))}


def views_push(ws: Workspace, params: Params) -> Json:
    """views.push: push a modal onto the stack, spending the trigger_id."""
    return views_open(ws, params)


def views_update(ws: Workspace, params: Params) -> Json:
    """views.update: replace a view found by view_id or external_id, checking `hash`."""
    stored = _find_view(ws, params)
    view = _view(params, kind=stored["type"])
    _check_hash(stored, params)
    updated = _store_view(ws, view, view_id=stored["id"], root_view_id=stored["root_view_id"])
    return {"ok": True, "view": updated}


def views_publish(ws: Workspace, params: Params) -> Json:
    """views.publish: set a member's App Home, keeping its view id across publishes."""
    member = user(ws, _str(params, "user_id"))
    view = _view(params, kind="home")
    view_id = ws.homes.get(member["id"])
    if view_id:
        _check_hash(ws.views[view_id], params)
    stored = _store_view(ws, view, view_id=view_id or ws.new_id("V"))
    ws.homes[member["id"]] = stored["id"]
    return {"ok": True, "view": stored}


def _view(params: Params, *, kind: str) -> Json:
    view = params.get("view")
    if not isinstance(view, dict) or view.get("type") != kind:
        raise ApiError("invalid_arguments", f"[ERROR] must be a {kind} view [json-pointer:/view]")
    check_blocks(
        view.get("blocks", []),
        limit=MAX_VIEW_BLOCKS,
        where="view/blocks",
        error="invalid_arguments",
    )
    return view


def _exchange_trigger(ws: Workspace, params: Params) -> None:
    trigger = _str(params, "trigger_id")
    if trigger not in ws.triggers:
        raise ApiError("invalid_trigger_id")
    if ws.triggers[trigger]:
        raise ApiError("exchanged_trigger_id")
    ws.triggers[trigger] = True


def _find_view(ws: Workspace, params: Params) -> Json:
    view_id, external_id = _str(params, "view_id"), _str(params, "external_id")
    if not view_id and not external_id:
        raise ApiError("invalid_arguments", "[ERROR] view_id or external_id is required")
    if view_id:
        found = ws.views.get(view_id)
    else:
        found = next((v for v in ws.views.values() if v["external_id"] == external_id), None)
    if found is None:
        raise ApiError("not_found")
    return found


def _check_hash(stored: Json, params: Params) -> None:
    given = _str(params, "hash")
    if given and given != stored["hash"]:
        raise ApiError("hash_conflict")


def _store_view(ws: Workspace, view: Json, *, view_id: str, root_view_id: str = "") -> Json:
    stored: Json = {
        "blocks": [],
        "private_metadata": "",
        "callback_id": "",
        "external_id": "",
        "clear_on_close": False,
        "notify_on_close": False,
        "previous_view_id": None,
        **view,
        "id": view_id,
        "team_id": ws.team_id,
        "state": {"values": {}},
        "hash": f"{int(time.time())}.{ws.new_id('h')}",
        "root_view_id": root_view_id or view_id,
        "app_id": ws.app_id,
        "app_installed_team_id": ws.team_id,
        "bot_id": ws.bot_id,
    }
    ws.views[view_id] = stored
    return stored


# -- files (the upload v2 flow) ------------------------------------------------------------


def files_get_upload_url_external(ws: Workspace, params: Params) -> Json:
    """files.getUploadURLExternal: an upload URL on this server for the file's bytes."""
    filename, length = _str(params, "filename"), _int(params, "length", 0)
    if not filename or length <= 0:
        raise ApiError("invalid_arguments", "[ERROR] filename and length are required")
    file_id = ws.new_id("F")
    ws.uploads[file_id] = {"filename": filename, "length": length, "content": None}
    return {"ok": True, "upload_url": f"{ws.base_url}/upload/{file_id}", "file_id": file_id}


def files_complete_upload_external(ws: Workspace, params: Params) -> Json:
    """files.completeUploadExternal: finish uploads whose bytes arrived, sharing them."""
    entries = params.get("files")
    if not (isinstance(entries, list) and entries and all(isinstance(e, dict) for e in entries)):
        raise ApiError("invalid_arguments", "[ERROR] files must be a list of {id, title}")
    names = _str(params, "channel_id").split(",") + _str(params, "channels").split(",")
    channel_ids = [writable(ws, {"channel": name})["id"] for name in names if name]
    uploads = [ws.uploads.get(str(entry.get("id"))) for entry in entries]
    if any(upload is None or upload["content"] is None for upload in uploads):
        raise ApiError("file_not_found")
    return {"ok": True, "files": [_complete(ws, entry, channel_ids) for entry in entries]}


def _complete(ws: Workspace, entry: Json, channel_ids: list[str]) -> Json:
    file_id = str(entry["id"])
    upload = ws.uploads.pop(file_id)
    name, title = upload["filename"], entry.get("title") or upload["filename"]
    ws.files[file_id] = {
        "title": title,
        "filename": name,
        "content": upload["content"],
        "channels": channel_ids,
    }
    private = f"{ws.base_url}/files-pri/{ws.team_id}-{file_id}/{name}"
    return {
        "id": file_id,
        "created": int(time.time()),
        "name": name,
        "title": title,
        "mimetype": mimetypes.guess_type(name)[0] or "application/octet-stream",
        "size": len(upload["content"]),
        "user": ws.bot_user_id,
        "channels": channel_ids,
        "url_private": private,
        "url_private_download": private,
        "permalink": f"{ws.base_url}/files/{ws.team_id}/{file_id}/{name}",
    }


METHODS: dict[str, Method] = {
    "auth.test": auth_test,
    "team.info": team_info,
    "users.info": users_info,
    "users.lookupByEmail": users_lookup_by_email,
    "users.list": users_list,
    "conversations.open": conversations_open,
    "conversations.info": conversations_info,
    "conversations.members": conversations_members,
    "conversations.history": conversations_history,
    "conversations.replies": conversations_replies,
    "chat.postMessage": chat_post_message,
    "chat.update": chat_update,
    "chat.postEphemeral": chat_post_ephemeral,
    "chat.delete": chat_delete,
    "views.open": views_open,
    "views.push": views_push,
    "views.update": views_update,
    "views.publish": views_publish,
    "files.getUploadURLExternal": files_get_upload_url_external,
    "files.completeUploadExternal": files_complete_upload_external,
}
