"""Reading a Web API call's params, and the error answer any method may give instead."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable
from typing import Any, TypeVar

from bot.fakeslack.workspace import Json, Workspace

T = TypeVar("T")
Params = dict[str, Any]
Method = Callable[[Workspace, Params], Json]


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


def str_param(params: Params, key: str) -> str:
    """A param as a string; a missing or null one is empty."""
    value = params.get(key)
    return "" if value is None else str(value)


def flag_param(params: Params, key: str) -> bool:
    """A boolean param, true when "1" or "true" as slack_sdk sends them."""
    return str(params.get(key, "")).lower() in ("1", "true")


def int_param(params: Params, key: str, default: int) -> int:
    """An integer param, `default` when missing or empty; invalid_arguments when not a number."""
    try:
        return int(params.get(key) or default)
    except (TypeError, ValueError):
        raise ApiError("invalid_arguments", f"[ERROR] {key} must be an integer") from None


def paginate(items: list[T], params: Params, *, default_limit: int) -> tuple[list[T], Json]:
    """Cut one page out of `items` the way Slack's cursor pagination does."""
    start = 0
    if cursor := str_param(params, "cursor"):
        try:
            start = int(base64.b64decode(cursor, validate=True).decode().removeprefix("next:"))
        except (binascii.Error, UnicodeDecodeError, ValueError):
            raise ApiError("invalid_cursor") from None
    end = start + max(1, int_param(params, "limit", default_limit))
    next_cursor = base64.b64encode(f"next:{end}".encode()).decode() if end < len(items) else ""
    return items[start:end], {"next_cursor": next_cursor}
