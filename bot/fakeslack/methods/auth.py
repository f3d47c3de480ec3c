"""auth.test and team.info: who the token is and which workspace it belongs to."""

from __future__ import annotations

from bot.fakeslack.methods.params import Params
from bot.fakeslack.workspace import Json, Workspace


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
