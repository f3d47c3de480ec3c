"""Files people share with the app (a modal's file_input): files.info and private downloads.

A file a member uploads is kept with the bot's own uploads; its `url_private_download` is served
by the fake only to a request bearing the bot token, as Slack serves it.
"""

from __future__ import annotations

import mimetypes

from bot.fakeslack.methods import ApiError, Method, Params
from bot.fakeslack.workspace import Json, Workspace


def add_file(
    ws: Workspace, *, user: str, name: str, content: bytes, filetype: str = "csv"
) -> Json:
    """Store a file a member uploaded; returns the file object a file_input's state carries."""
    with ws.lock:
        if user not in ws.users:
            raise KeyError(f"no member {user} in the fake workspace")
        file_id = ws.new_id("F")
        ws.files[file_id] = {"title": name, "filename": name, "content": content, "channels": [],
                             "user": user, "filetype": filetype}
        return file_object(ws, file_id)


def file_object(ws: Workspace, file_id: str) -> Json:
    """A file as files.info shows it (the caller holds the lock)."""
    stored = ws.files[file_id]
    name = stored["filename"]
    private = f"{ws.base_url}/files-pri/{ws.team_id}-{file_id}/{name}"
    return {
        "id": file_id,
        "created": ws.now(),
        "name": name,
        "title": stored["title"],
        "mimetype": mimetypes.guess_type(name)[0] or "application/octet-stream",
        "filetype": stored.get("filetype", "binary"),
        "size": len(stored["content"]),
        "user": stored.get("user", ws.bot_user_id),
        "channels": list(stored["channels"]),
        "url_private": private,
        "url_private_download": private,
    }


def files_info(ws: Workspace, params: Params) -> Json:
    """files.info: one file."""
    file_id = str(params.get("file") or "")
    if file_id not in ws.files:
        raise ApiError("file_not_found")
    return {"ok": True, "file": file_object(ws, file_id)}


def private_download(ws: Workspace, path: str) -> bytes | None:
    """The bytes behind a `files-pri/<team>-<file id>/<name>` path, or None if there is none."""
    folder, _, name = path.partition("/")
    file_id = folder.removeprefix(f"{ws.team_id}-")
    with ws.lock:
        stored = ws.files.get(file_id)
        if stored is None or stored["filename"] != name:
            return None
        content: bytes = stored["content"]
        return content


FILE_METHODS: dict[str, Method] = {"files.info": files_info}
