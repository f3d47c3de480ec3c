"""views.open, views.push, views.update and views.publish."""

from __future__ import annotations

from bot.fakeslack.methods.checks import check_blocks, user
from bot.fakeslack.methods.params import ApiError, Params, str_param
from bot.fakeslack.workspace import Json, Workspace

MAX_VIEW_BLOCKS = 100


def views_open(ws: Workspace, params: Params) -> Json:
    """views.open: open a modal, spending the trigger_id (within 3 s of its minting)."""
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
    member = user(ws, str_param(params, "user_id"))
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
    trigger = str_param(params, "trigger_id")
    minted = ws.triggers.get(trigger)
    if minted is None:
        raise ApiError("invalid_trigger_id")
    if minted.exchanged:
        raise ApiError("exchanged_trigger_id")
    if ws.clock.now() > minted.expires:
        raise ApiError("expired_trigger_id")
    minted.exchanged = True


def _find_view(ws: Workspace, params: Params) -> Json:
    view_id, external_id = str_param(params, "view_id"), str_param(params, "external_id")
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
    given = str_param(params, "hash")
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
        "hash": f"{ws.now()}.{ws.new_id('h')}",
        "root_view_id": root_view_id or view_id,
        "app_id": ws.app_id,
        "app_installed_team_id": ws.team_id,
        "bot_id": ws.bot_id,
    }
    ws.views[view_id] = stored
    return stored
