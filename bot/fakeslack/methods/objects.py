"""Users, conversations and messages as the Web API shows them."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from bot.fakeslack.workspace import Json, Workspace


def user_object(ws: Workspace, user: Json) -> Json:
    """A user as users.info shows it, with the time zone offset as of now."""
    now = ws.clock.now().astimezone(ZoneInfo(user["tz"]))
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
