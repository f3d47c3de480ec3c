"""users.info, users.lookupByEmail and users.list."""

from __future__ import annotations

from bot.fakeslack.methods.checks import user
from bot.fakeslack.methods.objects import user_object
from bot.fakeslack.methods.params import ApiError, Params, paginate, str_param
from bot.fakeslack.workspace import Json, Workspace


def users_info(ws: Workspace, params: Params) -> Json:
    """users.info: one member."""
    return {"ok": True, "user": user_object(ws, user(ws, str_param(params, "user")))}


def users_lookup_by_email(ws: Workspace, params: Params) -> Json:
    """users.lookupByEmail: the member with that email, case-insensitively."""
    email = str_param(params, "email").lower()
    for member in ws.users.values():
        if member["email"] and member["email"].lower() == email:
            return {"ok": True, "user": user_object(ws, member)}
    raise ApiError("users_not_found")


def users_list(ws: Workspace, params: Params) -> Json:
    """users.list: all members, the bot included; everything at once unless `limit` is set."""
    members = list(ws.users.values())
    page, cursor = paginate(members, params, default_limit=max(len(members), 1))
    return {
        "ok": True,
        "members": [user_object(ws, m) for m in page],
        "cache_ts": ws.now(),
        "response_metadata": cursor,
    }
