"""files.getUploadURLExternal and files.completeUploadExternal: the bot's uploads (flow v2)."""

from __future__ import annotations

import mimetypes

from bot.fakeslack.methods.checks import writable
from bot.fakeslack.methods.params import ApiError, Params, int_param, str_param
from bot.fakeslack.workspace import Json, Workspace


def files_get_upload_url_external(ws: Workspace, params: Params) -> Json:
    """files.getUploadURLExternal: an upload URL on this server for the file's bytes."""
    filename, length = str_param(params, "filename"), int_param(params, "length", 0)
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
    names = str_param(params, "channel_id").split(",") + str_param(params, "channels").split(",")
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
        "created": ws.now(),
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
