"""Block Kit payloads checked with slack_sdk's own models, as Slack would check them."""

from __future__ import annotations

from typing import Any

from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

MAX_MESSAGE_BLOCKS = 50
MAX_VIEW_BLOCKS = 100
MAX_TEXT = 3000


def assert_valid_blocks(blocks: list[dict[str, Any]]) -> None:
    """A message's blocks: each validates, at most 50, no text object over 3,000 characters."""
    assert 0 < len(blocks) <= MAX_MESSAGE_BLOCKS
    _validate(blocks)


def assert_valid_view(view: dict[str, Any]) -> None:
    """A modal or home view that slack_sdk's View model accepts, within 100 blocks."""
    assert len(view["blocks"]) <= MAX_VIEW_BLOCKS
    View(**view).validate_json()
    _validate(view["blocks"])


def _validate(blocks: list[dict[str, Any]]) -> None:
    for parsed in Block.parse_all(blocks):
        assert parsed is not None
        parsed.validate_json()
    for block in blocks:
        for text in _texts(block):
            assert len(text) <= MAX_TEXT, f"a text object of {len(text)} characters"


def _texts(block: dict[str, Any]) -> list[str]:
    objects = [block.get("text"), *block.get("fields", []), *block.get("elements", [])]
    return [
        str(obj["text"])
        for obj in objects
        if isinstance(obj, dict) and isinstance(obj.get("text"), str)
    ]
